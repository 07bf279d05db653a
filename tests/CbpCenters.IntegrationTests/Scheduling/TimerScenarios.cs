using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CbpCenters.IntegrationTests.Infrastructure;
using CbpCenters.Server.Jobs;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using static CbpCenters.IntegrationTests.Infrastructure.Flowcharts;

namespace CbpCenters.IntegrationTests.Scheduling;

/// <summary>
/// Issue 4 on the fake clock: timers never fire before their instant, whoever asks (the sweeper or a Hangfire job
/// that runs early); a lost Hangfire store loses no timer, because the sweeper fires from the database.
/// </summary>
public abstract class TimerScenarios(ServiceFixture service)
{
    private const string Supervisor = "admin";

    private static readonly string[] Durations = ["PT90M", "P1D", "P3BD", "P1M", "P30D"];

    /// <summary>One branch per duration, each a Delay followed by its own End.</summary>
    private static JsonObject Deadlines(string id)
    {
        var branches = Durations.Select((d, i) => (Name: $"wait{i}", Duration: d)).ToList();
        var activities = string.Join(", ", branches.Select(b =>
            $$"""{ "id": "{{b.Name}}", "type": "Delay", "duration": "{{b.Duration}}" }, { "id": "{{b.Name}}-end", "type": "End" }"""));
        var wires = string.Join(", ", branches.Select(b => $"{Wire("fork", b.Name, b.Name)}, {Wire(b.Name, "Done", b.Name + "-end")}"));
        return Flow(id,
            $$"""{ "id": "start", "type": "Start" }, { "id": "fork", "type": "Fork", "branches": [{{string.Join(", ", branches.Select(b => $"\"{b.Name}\""))}}] }, {{activities}}""",
            $"{Wire("start", "Done", "fork")}, {wires}");
    }

    private static JsonObject AcceleratedDisposition(string id) => Flow(id,
        """{ "id": "start", "type": "Start" }, { "id": "wait", "type": "Delay", "duration": "P2D" }, { "id": "end", "type": "End" }""",
        $"{Wire("start", "Done", "wait")}, {Wire("wait", "Done", "end")}");

    private Task RunJobAsync(Func<TimerJobs, Task> job) =>
        service.ScopedAsync(async services => { await job(services.GetRequiredService<TimerJobs>()); return true; });

    [Fact]
    public async Task Timers_never_fire_before_their_due_instant_whoever_asks()
    {
        var client = await service.ClientAsync(Supervisor);
        var id = Unique("deadlines");
        await client.PublishAsync(Deadlines(id));
        var instance = await client.StartAsync(id, "PHC");
        var started = service.Clock.GetUtcNow();
        var timers = instance["bookmarks"]!.AsArray()
            .Select(b => (Id: Guid.Parse(b!.Text("id")), Activity: b!.Text("activityId"), Due: b!.Instant("dueAt"))).ToList();
        Assert.Equal(Durations.Length, timers.Count);
        Assert.All(timers, t => Assert.True(t.Due > started));

        foreach (var group in timers.GroupBy(t => t.Due).OrderBy(g => g.Key))
        {
            service.Clock.SetUtcNow(group.Key - TimeSpan.FromMicroseconds(1));
            await service.FireDueTimersAsync();
            foreach (var timer in group) await RunJobAsync(jobs => jobs.FireAsync(timer.Id, default));
            var open = (await client.InstanceAsync(instance.Id()))["bookmarks"]!.AsArray().Select(b => Guid.Parse(b!.Text("id"))).ToList();
            Assert.All(group, t => Assert.Contains(t.Id, open));

            service.Clock.SetUtcNow(group.Key);
            foreach (var timer in group) await RunJobAsync(jobs => jobs.FireAsync(timer.Id, default));
            await service.FireDueTimersAsync();
        }

        var fired = await client.JournalAsync(instance.Id(), "TimerFired");
        Assert.Equal(timers.Select(t => t.Activity).Order(), fired.Select(f => f.Text("activityId")).Order());
        foreach (var timer in timers)
        {
            var line = fired.Single(f => f.Text("activityId") == timer.Activity);
            Assert.Equal(timer.Due, line.Instant("at"));
            Assert.Equal($"due {timer.Due:O}", line.Text("message"));
        }
        Assert.Equal("Finished", (await client.InstanceAsync(instance.Id())).Status());
    }

    [Fact]
    public async Task A_lost_job_store_loses_no_timer_because_the_sweeper_fires_each_one_once()
    {
        var client = await service.ClientAsync(Supervisor);
        var id = Unique("lost");
        await client.PublishAsync(AcceleratedDisposition(id));
        var instances = new List<JsonObject>();
        for (var i = 0; i < 5; i++) instances.Add(await client.StartAsync(id, "PHC"));
        var timers = instances.Select(i => Guid.Parse(i["bookmarks"]![0]!.Text("id"))).ToList();
        Assert.Subset(ScheduledTimerJobs(), timers.ToHashSet());

        await service.LoseJobStoreAsync();

        Assert.Empty(ScheduledTimerJobs().Intersect(timers));
        service.Clock.Advance(TimeSpan.FromDays(3));
        // Two sweeps at once, as two nodes would run them after the loss.
        await Task.WhenAll(RunJobAsync(jobs => jobs.SweepAsync(default)), service.FireDueTimersAsync());
        await RunJobAsync(jobs => jobs.SweepAsync(default));

        client = await service.ClientAsync(Supervisor);
        foreach (var instance in instances)
        {
            Assert.Single(await client.JournalAsync(instance.Id(), "TimerFired"));
            Assert.Single(await client.JournalAsync(instance.Id(), "InstanceFinished"));
            Assert.Equal("Finished", (await client.InstanceAsync(instance.Id())).Status());
        }
    }

    [Fact]
    public async Task The_clock_cannot_be_moved_when_time_travel_is_off()
    {
        var admin = await service.ClientAsync(Supervisor);
        var before = service.Clock.GetUtcNow();

        await admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { duration = "P31D" }).ExpectAsync(HttpStatusCode.NotFound);
        await admin.GetAsync("/api/v1/admin/clock").ExpectAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, service.Clock.GetUtcNow());
    }

    /// <summary>The bookmarks of the timer jobs waiting in this service's Hangfire store.</summary>
    private HashSet<Guid> ScheduledTimerJobs()
    {
        var scheduled = service.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 10_000);
        return [.. scheduled.Select(j => j.Value.Job).Where(j => j?.Method.Name == nameof(TimerJobs.FireAsync)).Select(j => (Guid)j!.Args[0])];
    }
}

public sealed class TimerScenarios_Sqlite(SqliteService service) : TimerScenarios(service), IClassFixture<SqliteService>;

public sealed class TimerScenarios_PostgreSql(PostgreSqlService service) : TimerScenarios(service), IClassFixture<PostgreSqlService>;
