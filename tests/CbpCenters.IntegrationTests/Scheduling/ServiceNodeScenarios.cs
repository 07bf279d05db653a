using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CbpCenters.IntegrationTests.Infrastructure;
using CbpCenters.Server.Jobs;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using static CbpCenters.IntegrationTests.Infrastructure.Flowcharts;

namespace CbpCenters.IntegrationTests.Scheduling;

/// <summary>Real service processes share a machine's two cores badly with other tests, so they run alone.</summary>
[CollectionDefinition(nameof(ServiceNodes), DisableParallelization = true)]
public sealed class ServiceNodes;

/// <summary>
/// Issue 4 with real processes: two nodes of the built service on one PostgreSQL database, each with its own
/// Hangfire server and clock. Every timer fires exactly once, however the nodes race or die. PostgreSQL only:
/// nodes share a database only on a server.
/// </summary>
[Collection(nameof(ServiceNodes))]
public sealed class ServiceNodeScenarios : IAsyncLifetime
{
    private string? _database;
    private string? _skipReason;

    public async ValueTask InitializeAsync() => (_database, _skipReason) = await PostgreSqlServer.CreateDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await PostgreSqlServer.DropDatabaseAsync(_database);
    }

    private string Database => _database ?? throw new InvalidOperationException(_skipReason);

    private static JsonObject Waiting(string id, string duration) => Flow(id,
        $$"""{ "id": "start", "type": "Start" }, { "id": "wait", "type": "Delay", "duration": "{{duration}}" }, { "id": "end", "type": "End" }""",
        $"{Wire("start", "Done", "wait")}, {Wire("wait", "Done", "end")}");

    private static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    [Fact]
    public async Task Two_nodes_fire_a_thousand_timers_each_exactly_once_and_none_early()
    {
        if (_database is null) Assert.Skip(_skipReason!);
        await using var a = await ServiceNode.StartAsync("a", Database);
        await using var b = await ServiceNode.StartAsync("b", Database);
        HttpClient[] admins = [await a.SignInAsync("admin"), await b.SignInAsync("admin")];
        var id = Unique("deemed");
        await admins[0].PublishAsync(Waiting(id, "P30D"));

        var watch = Stopwatch.StartNew();
        var dues = await StartManyAsync(admins, id, 1000);
        Report($"1,000 instances started over two nodes in {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        var advanced = await Task.WhenAll(admins.Select(admin =>
            admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { duration = "P31D" }).ExpectAsync(HttpStatusCode.OK)));
        var firedBy = await Task.WhenAll(advanced.Select(async r => (await r.ReadObjectAsync())["timersFired"]!.GetValue<int>()));
        Report($"both clocks moved 31 days; node a fired {firedBy[0]}, node b {firedBy[1]} timers (the sweepers the rest) in {watch.Elapsed.TotalSeconds:F1} s");

        // A sign-in lasts an hour of service time, so 31 days later everyone signs in again.
        admins = [await a.SignInAsync("admin"), await b.SignInAsync("admin")];
        await AssertEachFiredOnceAsync(admins, id, dues, a, b);
    }

    [Fact]
    public async Task A_node_killed_while_running_timer_jobs_loses_none_and_doubles_none_after_restart()
    {
        if (_database is null) Assert.Skip(_skipReason!);
        // A dead node's locks pass to the others after Jobs:LockTimeout (2 minutes by default; 20 s keeps the test short).
        var sweepOften = new Dictionary<string, string> { ["Jobs__SweepCron"] = "*/5 * * * * *", ["Jobs__LockTimeout"] = "00:00:20" };
        // One worker runs the 400 timer jobs one after another, so node a is surely caught in the middle of them
        // (with four, a fast machine fired them all between two looks).
        await using var a = await ServiceNode.StartAsync("a", Database, new Dictionary<string, string>(sweepOften) { ["Jobs__WorkerCount"] = "1" });
        // Node b only serves the API, so node a surely has timer jobs in hand when it dies.
        await using var b = await ServiceNode.StartAsync("b", Database, new Dictionary<string, string>(sweepOften) { ["Jobs__RunServer"] = "false" });
        var admin = await b.SignInAsync("admin");
        var id = Unique("killed");
        await admin.PublishAsync(Waiting(id, "PT20S"));
        var dues = await StartManyAsync([admin], id, 400);

        var job = await WaitUntilRunningAsync(a, admin, id, 400, nameof(TimerJobs.FireAsync));
        a.Kill();
        // The worst moment to die: inside a pass of Hangfire's schedulers, whose locks then stay held by nobody.
        await LeaveSchedulerLocksHeldAsync();
        Report($"node a killed while running {job} and scheduling, {await CountAsync(admin, id, "Finished")} of 400 instances finished");

        await using var restarted = await ServiceNode.StartAsync("a-restarted", Database, sweepOften);
        await WaitUntilAllFinishedAsync(admin, id, 400, b, restarted);
        await AssertEachFiredOnceAsync([admin, await restarted.SignInAsync("admin")], id, dues, b, restarted);
    }

    [Fact]
    public async Task A_node_killed_while_sweeping_after_the_job_store_lost_its_timers_leaves_none_behind()
    {
        if (_database is null) Assert.Skip(_skipReason!);
        var sweepOften = new Dictionary<string, string> { ["Jobs__SweepCron"] = "*/2 * * * * *", ["Jobs__LockTimeout"] = "00:00:20" };
        await using var a = await ServiceNode.StartAsync("a", Database, sweepOften);
        // Node b only serves the API, so every sweep runs on node a.
        await using var b = await ServiceNode.StartAsync("b", Database, new Dictionary<string, string>(sweepOften) { ["Jobs__RunServer"] = "false" });
        var admin = await b.SignInAsync("admin");
        var id = Unique("swept");
        // Long enough to start 400 instances and lose their jobs before the first timer is due.
        await admin.PublishAsync(Waiting(id, "PT30S"));
        var dues = await StartManyAsync([admin], id, 400);

        // The job store loses every timer job, so only the sweeper can fire the timers.
        var jobs = new BackgroundJobClient(Storage);
        var lost = Storage.GetMonitoringApi().ScheduledJobs(0, 1000).Where(j => j.Value.Job?.Method.Name == nameof(TimerJobs.FireAsync)).ToList();
        foreach (var timerJob in lost) jobs.Delete(timerJob.Key);
        Assert.Equal(400, lost.Count);

        await WaitUntilRunningAsync(a, admin, id, 400, nameof(TimerJobs.SweepAsync));
        a.Kill();
        Report($"node a killed while sweeping, {await CountAsync(admin, id, "Finished")} of 400 instances finished");

        await using var restarted = await ServiceNode.StartAsync("a-restarted", Database, sweepOften);
        await WaitUntilAllFinishedAsync(admin, id, 400, b, restarted);
        await AssertEachFiredOnceAsync([admin], id, dues, b, restarted);
    }

    /// <summary>Hangfire.PostgreSql's locks are rows; these are the ones a node holds while it schedules.</summary>
    private async Task LeaveSchedulerLocksHeldAsync()
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO hangfire.lock (resource, updatecount, acquired) SELECT unnest(@resources), 0, now()
            ON CONFLICT (resource) DO UPDATE SET acquired = now()
            """, connection);
        command.Parameters.AddWithValue("resources", new[]
        {
            "hangfire:recurring-jobs:lock", "hangfire:locks:schedulepoller", $"hangfire:lock:recurring-job:{TimerJobs.SweeperId}",
        });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The nodes' Hangfire store, read from outside as the dashboard would.</summary>
    private PostgreSqlStorage Storage => _storage ??= new PostgreSqlStorage(
        new NpgsqlConnectionFactory(Database, new PostgreSqlStorageOptions()), new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false });

    private PostgreSqlStorage? _storage;

    /// <summary>Waits until <paramref name="node"/> is running one of the timer jobs while some but not all instances have finished.</summary>
    private async Task<string> WaitUntilRunningAsync(ServiceNode node, HttpClient admin, string id, int count, params string[] jobNames)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            var finished = await CountAsync(admin, id, "Finished");
            Assert.True(finished < count, $"Every timer fired before node {node.Name} was seen running {string.Join(" or ", jobNames)}.");
            var running = finished == 0 ? null : Storage.GetMonitoringApi().ProcessingJobs(0, 100)
                .Where(j => j.Value.ServerId.Contains($":{node.ProcessId}:", StringComparison.Ordinal))
                .Select(j => j.Value.Job?.Method.Name).FirstOrDefault(jobNames.Contains);
            if (running is not null) return running;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Node {node.Name} never ran {string.Join(" or ", jobNames)}.\n{node.Output}");
    }

    private static async Task WaitUntilAllFinishedAsync(HttpClient admin, string id, int count, params ServiceNode[] running)
    {
        var watch = Stopwatch.StartNew();
        while (await CountAsync(admin, id, "Finished") < count)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(2))
                Assert.Fail($"{await CountAsync(admin, id, "Suspended")} instances still wait two minutes after the restart.\n" +
                    string.Join("\n", running.Select(n => n.Output)));
            await Task.Delay(500);
        }
        Report($"all {count} finished {watch.Elapsed.TotalSeconds:F1} s after the killed node came back");
    }

    /// <summary>Starts <paramref name="count"/> instances spread over the nodes, eight at a time; returns each one's timer due instant.</summary>
    private static async Task<ConcurrentDictionary<string, DateTimeOffset>> StartManyAsync(HttpClient[] nodes, string id, int count)
    {
        var dues = new ConcurrentDictionary<string, DateTimeOffset>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var instance = await nodes[i % nodes.Length].StartAsync(id, "PHC");
            dues[instance.Id()] = instance.DueOf("delay");
        });
        return dues;
    }

    private static async Task<int> CountAsync(HttpClient client, string definitionId, string status) =>
        (await (await client.GetAsync($"/api/v1/workflow-instances?definitionId={definitionId}&status={status}&pageSize=1")
            .ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync())["total"]!.GetValue<int>();

    /// <summary>Every instance finished with exactly one TimerFired, never before its due instant, and nothing waits any more.</summary>
    private static async Task AssertEachFiredOnceAsync(HttpClient[] nodes, string id, ConcurrentDictionary<string, DateTimeOffset> dues, params ServiceNode[] running)
    {
        var problems = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(dues.Keys.Select((instance, i) => (instance, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) =>
        {
            var journal = await nodes[item.i % nodes.Length].JournalAsync(item.instance);
            var fired = journal.Where(j => j.Text("event") == "TimerFired").ToList();
            if (fired.Count != 1) problems.Add($"{item.instance}: {fired.Count} TimerFired");
            else if (fired[0].Instant("at") < dues[item.instance]) problems.Add($"{item.instance}: fired at {fired[0].Instant("at"):O}, due {dues[item.instance]:O}");
            if (journal.Count(j => j.Text("event") == "InstanceFinished") != 1) problems.Add($"{item.instance}: not finished exactly once");
        });
        Assert.True(problems.IsEmpty, $"{problems.Count} instances wrong: {string.Join("; ", problems.Take(10))}\n{string.Join("\n", running.Select(n => n.Output))}");
        Assert.Equal(dues.Count, await CountAsync(nodes[0], id, "Finished"));
        Assert.Equal(0, await CountAsync(nodes[0], id, "Suspended"));
        Assert.Equal(0, await CountAsync(nodes[0], id, "Faulted"));
    }
}
