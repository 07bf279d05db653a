using System.Net;
using System.Text.Json.Nodes;
using CbpCenters.IntegrationTests.Infrastructure;
using static CbpCenters.IntegrationTests.Infrastructure.Flowcharts;
using static CbpCenters.IntegrationTests.Tasks.TaskFlows;

namespace CbpCenters.IntegrationTests.Tasks;

/// <summary>
/// Issue 3: a task that times out. The workflow continues on its Timeout outcome; a completion racing the
/// timeout either wins (the timer never fires) or loses with a conflict that changes nothing.
/// </summary>
public abstract class TaskTimeoutScenarios(ServiceFixture service)
{
    private static JsonObject Lapsing(string id) => Flow(id,
        $$"""
        { "id": "start", "type": "Start" },
        {{TaskStep("review", """{ "roles": ["ImportSpecialist"], "pool": "core" }""",
            """ "assignee": "phc.is1", "due": "P2D", "escalation": [ { "at": "due", "action": "timeout" } ] """)}},
        { "id": "allow", "type": "End" }, { "id": "deny", "type": "End" },
        { "id": "chase", "type": "Log", "message": "No decision in time: the protest goes to the Center Director's list" },
        { "id": "lapsed", "type": "End" }
        """,
        $"{Wire("start", "Done", "review")}, {Wire("review", "Allow", "allow")}, {Wire("review", "Deny", "deny")}, " +
        $"{Wire("review", "Timeout", "chase")}, {Wire("chase", "Done", "lapsed")}");

    private async Task<(HttpClient Admin, string DefinitionId)> PublishAsync()
    {
        var admin = await service.ClientAsync(Admin);
        var id = Unique("lapse");
        await admin.PublishAsync(Lapsing(id));
        return (admin, id);
    }

    private static async Task<List<string>> PathAsync(HttpClient admin, string instanceId) =>
        [.. (await admin.JournalAsync(instanceId, "ActivityCompleted")).Select(j => j.Text("activityId"))];

    [Fact]
    public async Task A_task_nobody_completes_times_out_at_its_due_instant_and_the_workflow_continues_on_Timeout()
    {
        var (admin, id) = await PublishAsync();
        var instance = await admin.StartAsync(id);
        var due = instance.DueOf("escalation:0");
        var taskId = (await admin.TaskOfAsync(id, instance.Id())).Id();
        Assert.Equal(due, (await admin.DetailAsync(taskId))["task"]!.Instant("dueAt"));

        service.Clock.SetUtcNow(due - TimeSpan.FromMicroseconds(1));
        await service.FireDueTimersAsync();
        Assert.Equal("Suspended", (await admin.InstanceAsync(instance.Id())).Status());

        service.Clock.SetUtcNow(due);
        await service.FireDueTimersAsync();

        Assert.Equal("Finished", (await admin.InstanceAsync(instance.Id())).Status());
        Assert.Equal(["start", "review", "chase", "lapsed"], await PathAsync(admin, instance.Id()));
        Assert.Equal("Timeout", (await admin.JournalAsync(instance.Id(), "ActivityCompleted")).Single(j => j.Text("activityId") == "review").Text("outcome"));
        Assert.Equal(due, Assert.Single(await admin.JournalAsync(instance.Id(), "TaskTimedOut")).Instant("at"));
        Assert.Contains(await admin.JournalAsync(instance.Id(), "Log"), j => j.Text("message").StartsWith("No decision in time", StringComparison.Ordinal));
        var detail = await admin.DetailAsync(taskId);
        Assert.Equal("TimedOut", detail["task"]!.Status());
        Assert.Equal("TimedOut", detail["history"]!.AsArray().Last()!.Text("kind"));
    }

    [Fact]
    public async Task A_completion_before_the_timeout_wins_and_the_timer_never_fires()
    {
        var (admin, id) = await PublishAsync();
        var instance = await admin.StartAsync(id);
        var due = instance.DueOf("escalation:0");
        var taskId = (await admin.TaskOfAsync(id, instance.Id())).Id();

        service.Clock.SetUtcNow(due - TimeSpan.FromSeconds(1));
        await (await service.ClientAsync("phc.is1")).CompleteAsync(taskId, "Allow").ExpectAsync(HttpStatusCode.OK);
        service.Clock.SetUtcNow(due + TimeSpan.FromDays(1));
        await service.FireDueTimersAsync();

        Assert.Equal(["start", "review", "allow"], await PathAsync(admin, instance.Id()));
        Assert.Empty(await admin.JournalAsync(instance.Id(), "TaskTimedOut"));
        Assert.Empty((await admin.InstanceAsync(instance.Id()))["bookmarks"]!.AsArray());
        Assert.Equal("Completed", (await admin.DetailAsync(taskId))["task"]!.Status());
    }

    [Fact]
    public async Task A_completion_after_the_timeout_is_a_conflict_that_changes_nothing()
    {
        var (admin, id) = await PublishAsync();
        var instance = await admin.StartAsync(id);
        var taskId = (await admin.TaskOfAsync(id, instance.Id())).Id();
        service.Clock.SetUtcNow(instance.DueOf("escalation:0"));
        await service.FireDueTimersAsync();
        var journal = (await admin.JournalAsync(instance.Id())).Count;

        var late = await (await service.ClientAsync("phc.is1")).CompleteAsync(taskId, "Deny", new { reasons = "late" }).ExpectAsync(HttpStatusCode.Conflict);

        Assert.Contains("timed out", await late.DetailTextAsync());
        Assert.Equal(journal, (await admin.JournalAsync(instance.Id())).Count);
        Assert.Equal("TimedOut", (await admin.DetailAsync(taskId))["task"]!.Status());
        Assert.Equal(["start", "review", "chase", "lapsed"], await PathAsync(admin, instance.Id()));
    }

    [Fact]
    public async Task Completions_racing_the_timeout_each_have_one_winner_and_leave_no_trace_of_the_loser()
    {
        var (admin, id) = await PublishAsync();
        var specialist = await service.ClientAsync("phc.is1");
        var instances = new List<(string Instance, string Task)>();
        for (var i = 0; i < 8; i++)
        {
            var instance = await admin.StartAsync(id);
            instances.Add((instance.Id(), (await admin.TaskOfAsync(id, instance.Id())).Id()));
        }
        service.Clock.SetUtcNow((await admin.InstanceAsync(instances[0].Instance)).DueOf("escalation:0"));

        var completions = instances.Select(i => specialist.CompleteAsync(i.Task, "Allow")).ToList();
        var timers = service.FireDueTimersAsync();
        await Task.WhenAll([.. completions, timers]);

        foreach (var ((instanceId, taskId), response) in instances.Zip(completions.Select(c => c.Result)))
        {
            var journal = await admin.JournalAsync(instanceId);
            var completed = journal.Count(j => j.Text("event") == "TaskCompleted");
            var timedOut = journal.Count(j => j.Text("event") == "TaskTimedOut");
            Assert.Equal(1, completed + timedOut);
            Assert.Single(journal, j => j.Text("event") == "InstanceFinished");
            var status = (await admin.DetailAsync(taskId))["task"]!.Status();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal((1, "Completed"), (completed, status));
                Assert.Equal(["start", "review", "allow"], await PathAsync(admin, instanceId));
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                Assert.Equal((1, "TimedOut"), (timedOut, status));
                Assert.Equal(["start", "review", "chase", "lapsed"], await PathAsync(admin, instanceId));
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{service.Provider}: {completions.Count(c => c.Result.IsSuccessStatusCode)} of 8 completions beat the timeout");
    }
}

public sealed class TaskTimeoutScenarios_Sqlite(SqliteService service) : TaskTimeoutScenarios(service), IClassFixture<SqliteService>;

public sealed class TaskTimeoutScenarios_PostgreSql(PostgreSqlService service) : TaskTimeoutScenarios(service), IClassFixture<PostgreSqlService>;
