using System.Text.Json.Nodes;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Engine.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CbpCenters.Engine.Tests;

/// <summary>The engine on in-memory stores with a fake clock that starts on a Monday.</summary>
public sealed class EngineHarness : IAsyncDisposable
{
    public EngineHarness(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ICaseContextSource>(Cases);
        services.AddWorkflowEngine().AddInMemoryWorkflowStores().AddHumanTasks();
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));
    public TestCases Cases { get; } = new();
    public ServiceProvider Services { get; }
    public InMemoryWorkflowStore Store => Services.GetRequiredService<InMemoryWorkflowStore>();

    public async Task ImportAsync(string json)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DefinitionService>().ImportAsync(DefinitionJson.Parse(json), "test", default);
    }

    public Task<T> Runtime<T>(Func<WorkflowRuntime, Task<T>> call) => Scoped(sp => call(sp.GetRequiredService<WorkflowRuntime>()));

    public async Task<T> Scoped<T>(Func<IServiceProvider, Task<T>> call)
    {
        await using var scope = Services.CreateAsyncScope();
        return await call(scope.ServiceProvider);
    }

    public Task<WorkflowInstance> StartAsync(string definitionId, JsonObject? input = null, Guid? caseId = null) =>
        Runtime(r => r.StartAsync(new StartWorkflow(definitionId, input, CaseId: caseId)));

    public Task<WorkflowInstance> SignalAsync(Guid instanceId, string signal, JsonObject? payload = null) =>
        Runtime(r => r.SignalAsync(instanceId, signal, payload, "tester"));

    public async Task<WorkflowInstance> InstanceAsync(Guid id) => (await Store.FindInstanceAsync(id, default))!;

    public Task<IReadOnlyList<Bookmark>> BookmarksAsync(Guid id) => Store.GetBookmarksAsync(id, default);

    public async Task<List<string>> CompletedActivitiesAsync(Guid id) =>
        [.. (await Store.GetJournalAsync(id, default)).Where(j => j.Event == JournalEvents.ActivityCompleted).Select(j => j.ActivityId!)];

    public Task<int> FireDueTimersAsync() => Services.GetRequiredService<DueTimers>().FireAllDueAsync(default);

    public ValueTask DisposeAsync() => Services.DisposeAsync();

    /// <summary>Builds a flowchart from a compact description, for tests.</summary>
    public static string Flow(string id, string activities, string connections, string variables = "[]") => $$"""
        { "definitionId": "{{id}}", "name": "{{id}}", "variables": {{variables}},
          "root": { "type": "Flowchart", "activities": [ {{activities}} ], "connections": [ {{connections}} ] } }
        """;

    public static string Wire(string from, string port, string to) =>
        $$"""{ "source": { "activity": "{{from}}", "port": "{{port}}" }, "target": { "activity": "{{to}}", "port": "In" } }""";
}

public sealed class TestCases : ICaseContextSource
{
    public Dictionary<Guid, JsonObject> Data { get; } = [];

    public Task<JsonObject?> GetCaseAsync(Guid caseId, CancellationToken cancellationToken) =>
        Task.FromResult(Data.TryGetValue(caseId, out var c) ? c.DeepClone().AsObject() : null);
}
