using System.Net;
using System.Text.Json.Nodes;
using CbpCenters.IntegrationTests.Infrastructure;
using static CbpCenters.IntegrationTests.Infrastructure.Flowcharts;
using static CbpCenters.IntegrationTests.Tasks.TaskFlows;

namespace CbpCenters.IntegrationTests.Tasks;

/// <summary>
/// Issue 3: a task's escalation policy on the fake clock, across Thanksgiving and a weekend. The class holds one
/// test because it sets the clock to a fixed date, which a fake clock can only reach once.
/// </summary>
public abstract class TaskEscalationScenarios(ServiceFixture service)
{
    // Wednesday 25 November 2026, 10:00 in New York (EST, UTC-5): the day before Thanksgiving.
    private static readonly DateTimeOffset Created = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);
    // P5BD skips Thanksgiving (Thu 26) and the weekend: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3 December, at 10:00.
    private static readonly DateTimeOffset Due = new(2026, 12, 3, 15, 0, 0, TimeSpan.Zero);
    // Half the time (Sunday 29, 10:00) falls on a weekend, so the reminder moves back to Friday 27 at 10:00.
    private static readonly DateTimeOffset Reminder = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);
    // due+P2BD: Friday 4 and Monday 7 December.
    private static readonly DateTimeOffset FieldOperations = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    private const string Policy = """
        "assignee": "phc.is1", "due": "P5BD",
        "escalation": [ { "at": "50%", "action": "remind" },
                        { "at": "due", "action": "escalate", "to": "CenterDirector" },
                        { "at": "due+P2BD", "action": "escalate", "to": "DFO" } ]
        """;

    [Fact]
    public async Task Reminder_Center_Director_and_DFO_escalations_fire_once_each_on_business_days_across_Thanksgiving_and_a_weekend()
    {
        service.Clock.SetUtcNow(Created);
        var admin = await service.ClientAsync(Admin);
        var id = Unique("escalate");
        await admin.PublishAsync(Review(id, """{ "roles": ["ImportSpecialist"], "pool": "core" }""", Policy));
        var instance = await admin.StartAsync(id, "PHC");
        var task = await admin.TaskOfAsync(id, instance.Id());
        Assert.Equal(Due, task.Instant("dueAt"));
        Assert.Equal([Reminder, Due, FieldOperations], new[] { 0, 1, 2 }.Select(i => instance.DueOf($"escalation:{i}")));

        (DateTimeOffset At, string Event, string Template, string To, string History)[] steps =
        [
            (Reminder, "TaskReminded", "task-reminder", "phc.is1@cbpcenters.example", "50%: reminded phc.is1"),
            (Due, "TaskEscalated", "task-escalated-director", "phc.director@cbpcenters.example", "due: the Center Director phc.director may now work the task"),
            (FieldOperations, "TaskEscalated", "task-escalated-dfo", "dfo.newyork@cbpcenters.example",
                "due+P2BD: the Director, Field Operations dfo.newyork may now work the task"),
        ];
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            service.Clock.SetUtcNow(step.At - TimeSpan.FromMicroseconds(1));
            Assert.Equal(0, await service.FireDueTimersAsync());
            Assert.Equal(i, await EscalationLinesAsync(admin, instance.Id()));

            service.Clock.SetUtcNow(step.At);
            Assert.Equal(1, await service.FireDueTimersAsync());
            Assert.Equal(0, await service.FireDueTimersAsync());

            var line = Assert.Single(await admin.JournalAsync(instance.Id(), step.Event), j => j["data"]!.Instant("firedAt") == step.At);
            Assert.Equal(step.At, line.Instant("at"));
            Assert.Contains(step.History, line.Text("message"));
            var notices = await NoticesAsync(admin, step.To, instance.Id(), step.Template);
            Assert.Equal(step.At, Assert.Single(notices).Instant("createdAt"));
        }

        var detail = await admin.DetailAsync(task.Id());
        var history = detail["history"]!.AsArray().Select(h => (h!.Text("kind"), h!["detail"]?.GetValue<string>() ?? "")).ToList();
        Assert.Equal(["Created", "Assigned", "Reminded", "Escalated", "Escalated"], history.Select(h => h.Item1));
        Assert.Equal(steps.Select(s => s.History), history.Skip(2).Select(h => h.Item2));
        Assert.Equal(2, detail["task"]!["escalationLevel"]!.GetValue<int>());
        Assert.Equal(["phc.director", "dfo.newyork"], detail["task"]!["escalatedTo"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal(["phc.director@cbpcenters.example"],
            (await NoticesAsync(admin, "phc.is1@cbpcenters.example", instance.Id(), "task-escalated-director")).Single()["to"]!.AsArray().Select(a => a!.GetValue<string>()));

        service.Clock.Advance(TimeSpan.FromDays(60));
        Assert.Equal(0, await service.FireDueTimersAsync());
        Assert.Equal(3, await EscalationLinesAsync(admin, instance.Id()));
        Assert.Equal("Assigned", (await admin.DetailAsync(task.Id()))["task"]!.Status());
    }

    private static async Task<int> EscalationLinesAsync(HttpClient admin, string instanceId) =>
        (await admin.JournalAsync(instanceId)).Count(j => j.Text("event") is "TaskReminded" or "TaskEscalated");

    /// <summary>Notices of one template for one instance that list <paramref name="recipient"/> as a recipient (to or cc).</summary>
    private static async Task<List<JsonObject>> NoticesAsync(HttpClient client, string recipient, string instanceId, string template)
    {
        var page = await (await client.GetAsync($"/api/v1/outbox?recipient={Uri.EscapeDataString(recipient)}&pageSize=500")
            .ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        return [.. page["items"]!.AsArray().Select(m => m!.AsObject())
            .Where(m => m["instanceId"]?.GetValue<string>() == instanceId && m.Text("template") == template)];
    }
}

public sealed class TaskEscalationScenarios_Sqlite(SqliteService service) : TaskEscalationScenarios(service), IClassFixture<SqliteService>;

public sealed class TaskEscalationScenarios_PostgreSql(PostgreSqlService service) : TaskEscalationScenarios(service), IClassFixture<PostgreSqlService>;
