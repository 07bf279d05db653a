using CbpCenters.Engine.Activities;
using CbpCenters.Engine.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace CbpCenters.Engine.Tasks;

public static class TaskServiceCollectionExtensions
{
    /// <summary>
    /// The HumanTask activity, task assignment and the task operations. The host supplies the
    /// <see cref="IStaffDirectory"/> (the persistence project's, or an <see cref="InMemoryStaffDirectory"/> in tests);
    /// without one, creating a task fails loudly rather than leaving every task unassigned.
    /// </summary>
    public static IServiceCollection AddHumanTasks(this IServiceCollection services)
    {
        services.AddSingleton<Activity, HumanTaskActivity>();
        services.AddScoped<TaskAssignment>();
        services.AddScoped<TaskService>();
        services.AddSingleton<IDefinitionRule, EscalationCaseDateCheck>();
        return services;
    }
}
