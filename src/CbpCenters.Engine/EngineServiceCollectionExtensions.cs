using CbpCenters.Engine.Activities;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Expressions;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Engine.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CbpCenters.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// The engine with its built-in activities. Stores default to in-memory ones; a host replaces them
    /// (the persistence project registers EF Core stores).
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, Action<ExpressionLimits>? limits = null)
    {
        var expressionLimits = new ExpressionLimits();
        limits?.Invoke(expressionLimits);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(expressionLimits);
        services.AddSingleton<JavaScriptEvaluator>();
        services.AddSingleton<LiquidRenderer>();
        services.AddSingleton<ActivityRegistry>();
        services.AddSingleton<DefinitionValidator>();
        services.AddSingleton<DefinitionCatalog>();
        services.AddSingleton<WorkflowRunner>();
        services.TryAddSingleton<ICenterCalendar, UtcCenterCalendar>();
        services.TryAddSingleton<ICaseContextSource, NoCaseContextSource>();
        services.TryAddSingleton<Notices.INoticeComposer, Notices.PlainNoticeComposer>();
        services.AddScoped<WorkflowRuntime>();
        services.AddScoped<DefinitionService>();
        services.AddScoped<DefinitionFolder>();
        services.AddSingleton<DueTimers>();

        foreach (var type in BuiltInActivities)
            services.AddSingleton(typeof(Activity), type);
        return services;
    }

    /// <summary>In-memory stores, for tests and benchmarks of the engine alone.</summary>
    public static IServiceCollection AddInMemoryWorkflowStores(this IServiceCollection services)
    {
        var store = new InMemoryWorkflowStore();
        services.AddSingleton(store);
        services.AddSingleton<IWorkflowStore>(store);
        services.AddSingleton<ITaskStore>(store.Tasks);
        services.AddSingleton<IWorkflowDefinitionStore, InMemoryDefinitionStore>();
        return services;
    }

    private static readonly Type[] BuiltInActivities =
    [
        typeof(StartActivity), typeof(EndActivity), typeof(DecisionActivity), typeof(SwitchActivity),
        typeof(SetVariableActivity), typeof(ForkActivity), typeof(JoinActivity), typeof(DelayActivity),
        typeof(TimerActivity), typeof(WaitForSignalActivity), typeof(LogActivity), typeof(UpdateCaseActivity),
    ];
}
