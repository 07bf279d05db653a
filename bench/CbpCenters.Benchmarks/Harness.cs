using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using CbpCenters.Engine;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Engine.Tasks;
using CbpCenters.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CbpCenters.Benchmarks;

/// <summary>The engine with its real stores on the chosen database, and the operations staff and integrations perform most.</summary>
public sealed class Harness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly BenchOptions _options;
    private readonly ConcurrentBag<Guid> _waiting = [];
    private readonly Action? _cleanup;

    private Harness(ServiceProvider services, BenchOptions options, Action? cleanup)
    {
        _services = services;
        _options = options;
        _cleanup = cleanup;
    }

    public static async Task<Harness> CreateAsync(BenchOptions options)
    {
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddWorkflowEngine().AddHumanTasks();
        Action? cleanup = null;
        if (options.Database == "memory")
        {
            services.AddInMemoryWorkflowStores();
        }
        else
        {
            var database = Database(options, out cleanup);
            services.AddCbpCentersPersistence(database);
        }
        var staff = new InMemoryStaffDirectory();
        for (var i = 1; i <= 20; i++)
            staff.Add(new StaffProfile($"is{i}", $"Import specialist {i}", $"is{i}@bench.example", "PHC", ["ImportSpecialist"], CandidatePool.Core, null, false, null));
        services.AddSingleton<IStaffDirectory>(staff);
        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            if (options.Database != "memory") await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(default);
            var definitions = scope.ServiceProvider.GetRequiredService<DefinitionService>();
            await definitions.ImportAsync(DefinitionJson.Parse(SignalFlow), "bench", default);
            await definitions.ImportAsync(DefinitionJson.Parse(TaskFlow), "bench", default);
        }
        return new Harness(provider, options, cleanup);
    }

    public Task<Measurement> StartInstancesAsync() => MeasureAsync("Start instance (Start → WaitForSignal)", _options.Instances, async runtime =>
        _waiting.Add((await runtime.StartAsync(new StartWorkflow("bench-signal", new JsonObject { ["amount"] = 1200 }))).Id));

    public Task<Measurement> SignalInstancesAsync()
    {
        var queue = new ConcurrentQueue<Guid>(_waiting);
        return MeasureAsync("Signal instance (resume → Decision → End)", queue.Count, async runtime =>
        {
            queue.TryDequeue(out var id);
            await runtime.SignalAsync(id, "filer-response", new JsonObject { ["text"] = "ok" }, "bench");
        });
    }

    public Task<Measurement> CreateTasksAsync() => MeasureAsync("Start instance with a HumanTask (least-loaded)", _options.Tasks, runtime =>
        runtime.StartAsync(new StartWorkflow("bench-task", CenterCode: "PHC")));

    public async Task<IReadOnlyList<Measurement>> QueryInboxAsync()
    {
        var viewer = new TaskViewer("is1", "PHC", ["ImportSpecialist"], CandidatePool.Core, ["PHC"]);
        var results = new List<Measurement>();
        foreach (var (name, view) in new[] { ("Inbox: Mine, page 1 of 50", TaskView.Mine), ("Inbox: My Center, page 1 of 50", TaskView.Center), ("Inbox: Overdue", TaskView.Overdue) })
        {
            var latencies = new List<double>();
            var total = Stopwatch.StartNew();
            for (var i = 0; i < 200; i++)
            {
                var watch = Stopwatch.StartNew();
                await using var scope = _services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ITaskStore>().QueryAsync(new TaskQuery(viewer, view, PageSize: 50, Now: DateTimeOffset.UtcNow.AddDays(60)), default);
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
            results.Add(new Measurement(name, 200, total.Elapsed, latencies));
        }
        return results;
    }

    private async Task<Measurement> MeasureAsync(string name, int count, Func<WorkflowRuntime, Task> operation)
    {
        var latencies = new ConcurrentBag<double>();
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, _options.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                var watch = Stopwatch.StartNew();
                await using var scope = _services.CreateAsyncScope();
                await operation(scope.ServiceProvider.GetRequiredService<WorkflowRuntime>());
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        })));
        return new Measurement(name, count, total.Elapsed, [.. latencies]);
    }

    private static DatabaseOptions Database(BenchOptions options, out Action? cleanup)
    {
        cleanup = null;
        if (options.Database == "postgres")
        {
            var server = options.Connection ?? "Host=127.0.0.1;Username=postgres;Password=postgres;Database=postgres";
            var name = "cbp_bench_" + Guid.NewGuid().ToString("N")[..8];
            using (var connection = new NpgsqlConnection(server))
            {
                connection.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                create.ExecuteNonQuery();
            }
            cleanup = () =>
            {
                NpgsqlConnection.ClearAllPools();
                using var connection = new NpgsqlConnection(server);
                connection.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                drop.ExecuteNonQuery();
            };
            return new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString };
        }
        var file = Path.Combine(Path.GetTempPath(), $"cbp-bench-{Guid.NewGuid():N}.db");
        cleanup = () => { foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f); };
        return new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" };
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _cleanup?.Invoke();
    }

    private const string SignalFlow = """
        { "definitionId": "bench-signal", "name": "Bench: wait for a signal", "variables": [ { "name": "answer" } ],
          "root": { "type": "Flowchart", "activities": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "WaitForSignal", "signal": "filer-response", "variable": "answer" },
            { "id": "large", "type": "Decision", "condition": "input.amount > 1000" },
            { "id": "a", "type": "End" }, { "id": "b", "type": "End" } ],
          "connections": [
            { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "wait", "port": "In" } },
            { "source": { "activity": "wait", "port": "Received" }, "target": { "activity": "large", "port": "In" } },
            { "source": { "activity": "large", "port": "True" }, "target": { "activity": "a", "port": "In" } },
            { "source": { "activity": "large", "port": "False" }, "target": { "activity": "b", "port": "In" } } ] } }
        """;

    private const string TaskFlow = """
        { "definitionId": "bench-task", "name": "Bench: one review task",
          "root": { "type": "Flowchart", "activities": [
            { "id": "start", "type": "Start" },
            { "id": "review", "type": "HumanTask", "title": "Review", "candidates": { "roles": ["ImportSpecialist"], "pool": "core" },
              "strategy": "least-loaded", "due": "P20BD", "outcomes": [ { "name": "Accept" } ],
              "escalation": [ { "at": "75%", "action": "remind" }, { "at": "due", "action": "escalate", "to": "CenterDirector" } ] },
            { "id": "end", "type": "End" } ],
          "connections": [
            { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "review", "port": "In" } },
            { "source": { "activity": "review", "port": "Accept" }, "target": { "activity": "end", "port": "In" } } ] } }
        """;
}
