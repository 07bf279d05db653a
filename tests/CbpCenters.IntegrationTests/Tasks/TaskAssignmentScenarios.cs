using System.Net;
using System.Net.Http.Json;
using CbpCenters.IntegrationTests.Infrastructure;
using static CbpCenters.IntegrationTests.Infrastructure.Flowcharts;
using static CbpCenters.IntegrationTests.Tasks.TaskFlows;

namespace CbpCenters.IntegrationTests.Tasks;

/// <summary>
/// Issue 3: who receives a task. Round-robin and least-loaded spread work exactly; out-of-office staff are
/// skipped for their substitute; of several people claiming one task, one wins. Each test hires its own team
/// in a Center nobody else works in, so no other test's tasks count against them.
/// </summary>
public abstract class TaskAssignmentScenarios(ServiceFixture service)
{
    /// <summary>Publishes a review for the Center's import specialists with the strategy, starts it <paramref name="count"/> times, and returns the assignees in order.</summary>
    private async Task<List<string?>> SpreadAsync(string center, string strategy, int count, string more = "") =>
        (await SpreadOverAsync(center, strategy, count, more)).Assignees;

    private async Task<(string DefinitionId, List<string?> Assignees)> SpreadOverAsync(string center, string strategy, int count, string more = "")
    {
        var admin = await service.ClientAsync(Admin);
        var id = Unique(strategy);
        var extra = $"\"strategy\": \"{strategy}\"" + (more.Length > 0 ? ", " + more : "");
        await admin.PublishAsync(Review(id, """{ "roles": ["ImportSpecialist"], "pool": "core" }""", extra));
        var assignees = new List<string?>();
        for (var i = 0; i < count; i++)
        {
            var instance = await admin.StartAsync(id, center);
            assignees.Add((await admin.TaskOfAsync(id, instance.Id()))["assignee"]?.GetValue<string>());
        }
        return (id, assignees);
    }

    [Fact]
    public async Task Round_robin_deals_ten_tasks_in_turn_to_the_Centers_specialists()
    {
        var admin = await service.ClientAsync(Admin);
        var team = await admin.HireAsync("AUT", "ImportSpecialist", 3);
        var (a, b, c) = (team[0], team[1], team[2]);

        var assignees = await SpreadAsync("AUT", "round-robin", 10);

        Assert.Equal([a, b, c, a, b, c, a, b, c, a], assignees);
    }

    [Fact]
    public async Task Least_loaded_gives_each_task_to_whoever_holds_the_fewest_open_tasks()
    {
        var admin = await service.ClientAsync(Admin);
        var team = await admin.HireAsync("BMT", "ImportSpecialist", 3);
        var (a, b, c) = (team[0], team[1], team[2]);
        var backlog = Unique("backlog");
        await admin.PublishAsync(Review(backlog, """{ "roles": ["ImportSpecialist"] }""", $"\"assignee\": \"{a}\""));
        await admin.StartAsync(backlog, "BMT");
        await admin.StartAsync(backlog, "BMT");

        var assignees = await SpreadAsync("BMT", "least-loaded", 10);

        // Open tasks before: a 2, b 0, c 0; ties go by user name.
        Assert.Equal([b, c, b, c, a, b, c, a, b, c], assignees);
        foreach (var person in team)
            Assert.Equal(4, (await (await service.ClientAsync(person)).GetFromJsonAsync<Page>("/api/v1/tasks?view=mine"))!.Total);
    }

    [Fact]
    public async Task Staff_out_of_office_are_skipped_and_their_substitute_receives_their_share()
    {
        var admin = await service.ClientAsync(Admin);
        var team = Unique("mac");
        var specialists = await admin.HireAsync("MAC", "ImportSpecialist", 3, team: team);
        var substitute = (await admin.HireAsync("MAC", "EntrySpecialist", 1, team: team))[0];
        var away = specialists[1];
        var awayClient = await service.ClientAsync(away);
        await awayClient.PutAsJsonAsync($"/api/v1/staff/{away}/out-of-office", new { outOfOffice = true, substitute })
            .ExpectAsync(HttpStatusCode.OK);

        var (id, assignees) = await SpreadOverAsync("MAC", "round-robin", 6);

        Assert.DoesNotContain(away, assignees);
        // The substitute (an entry specialist, so first by name) stands in for the absent specialist in the rotation.
        Assert.Equal([substitute, specialists[0], specialists[2], substitute, specialists[0], specialists[2]], assignees);
        var standIn = await service.ClientAsync(substitute);
        var held = await standIn.InboxAsync("mine", id);
        Assert.Equal(2, held.Count);
        var history = (await standIn.DetailAsync(held[0].Id()))["history"]!.AsArray();
        Assert.Contains(history, h => h!["detail"]?.GetValue<string>()?.Contains($"standing in for {away} (out of office)") == true);

        var named = await SpreadAsync("MAC", "claim", 1, $"\"assignee\": \"{away}\"");
        Assert.Equal([substitute], named);

        await awayClient.PutAsJsonAsync($"/api/v1/staff/{away}/out-of-office", new { outOfOffice = false }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([away], await SpreadAsync("MAC", "claim", 1, $"\"assignee\": \"{away}\""));
    }

    [Fact]
    public async Task Going_out_of_office_can_hand_the_tasks_one_holds_to_the_substitute()
    {
        var admin = await service.ClientAsync(Admin);
        var specialists = await admin.HireAsync("AGR", "ImportSpecialist", 3);
        var (away, substitute, owner) = (specialists[0], specialists[1], specialists[2]);
        var id = Unique("handover");
        var fourEyes = Unique("handover4eyes");
        await admin.PublishAsync(Review(id, """{ "roles": ["ImportSpecialist"], "pool": "core" }""", $"\"assignee\": \"{away}\""));
        await admin.PublishAsync(Review(fourEyes, $$"""{ "roles": ["ImportSpecialist"], "excludedUsers": ["{{substitute}}"] }""", $"\"assignee\": \"{away}\""));
        for (var i = 0; i < 2; i++) await admin.StartAsync(id, "AGR");
        await admin.StartAsync(fourEyes, "AGR");
        var awayClient = await service.ClientAsync(away);
        // A third task is only delegated to the person going away: it keeps its owner when handed over.
        var delegatedId = Unique("handoverdelegated");
        await admin.PublishAsync(Review(delegatedId, """{ "roles": ["ImportSpecialist"], "pool": "core" }""", $"\"assignee\": \"{owner}\""));
        var delegatedTask = (await admin.TaskOfAsync(delegatedId, (await admin.StartAsync(delegatedId, "AGR")).Id())).Id();
        await (await service.ClientAsync(owner)).PostAsJsonAsync($"/api/v1/tasks/{delegatedTask}/delegate", new { userName = away }).ExpectAsync(HttpStatusCode.OK);

        // Only the person, a supervisor of their Center or an administrator may do this.
        await (await service.ClientAsync("ele.supervisor")).PutAsJsonAsync($"/api/v1/staff/{away}/out-of-office",
            new { outOfOffice = true, substitute, handOverHeldTasks = true }).ExpectAsync(HttpStatusCode.Forbidden);
        await (await service.ClientAsync(substitute)).PutAsJsonAsync($"/api/v1/staff/{away}/out-of-office",
            new { outOfOffice = true, substitute, handOverHeldTasks = true }).ExpectAsync(HttpStatusCode.Forbidden);

        var problem = await awayClient.PutAsJsonAsync($"/api/v1/staff/{away}/out-of-office", new { outOfOffice = true, handOverHeldTasks = true })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["handOverHeldTasks"], await problem.ErrorFieldsAsync());
        Assert.Equal(2, (await awayClient.InboxAsync("mine", id)).Count);

        var saved = await (await awayClient.PutAsJsonAsync($"/api/v1/staff/{away}/out-of-office", new { outOfOffice = true, substitute, handOverHeldTasks = true })
            .ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();

        Assert.Equal(3, saved["tasksHandedOver"]!.GetValue<int>());
        Assert.True(saved["staff"]!["outOfOffice"]!.GetValue<bool>());
        var standIn = await service.ClientAsync(substitute);
        var moved = await standIn.InboxAsync("mine", id);
        Assert.Equal(2, moved.Count);
        Assert.Equal(["Created", "Assigned", "Reassigned"], await standIn.HistoryAsync(moved[0].Id()));
        var delegated = (await standIn.DetailAsync(delegatedTask))["task"]!;
        Assert.Equal((substitute, owner), (delegated.Text("assignee"), delegated.Text("owner")));
        // Four-eyes keeps the substitute off this task, so it stays with its holder for a supervisor to move.
        Assert.Single(await awayClient.InboxAsync("mine", fourEyes));
        Assert.Empty(await awayClient.InboxAsync("mine", id));
        // An administrator may set anyone's, including staff of no Center such as a DFO.
        await admin.PutAsJsonAsync("/api/v1/staff/dfo.chicago/out-of-office", new { outOfOffice = false }).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Of_several_people_claiming_one_task_at_once_exactly_one_gets_it()
    {
        var admin = await service.ClientAsync(Admin);
        var id = Unique("race");
        await admin.PublishAsync(Review(id, """{ "roles": ["ImportSpecialist"], "pool": "core" }"""));
        string[] claimers = ["phc.is1", "phc.is2", "phc.is3", "phc.supervisor"];
        var clients = new List<HttpClient>();
        foreach (var user in claimers) clients.Add(await service.ClientAsync(user));

        for (var round = 0; round < 5; round++)
        {
            var instance = await admin.StartAsync(id);
            var taskId = (await admin.TaskOfAsync(id, instance.Id())).Id();

            var responses = await Task.WhenAll(clients.Select(c => c.ClaimAsync(taskId)));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict],
                responses.Select(r => r.StatusCode).Order());
            var winner = claimers[Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.OK)];
            var detail = await admin.DetailAsync(taskId);
            Assert.Equal(winner, detail["task"]!.Text("assignee"));
            Assert.Equal(["Created", "Claimed"], await admin.HistoryAsync(taskId));
            foreach (var loser in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
                Assert.NotEmpty(await loser.DetailTextAsync());
        }
    }

    private sealed record Page(int Total);
}

public sealed class TaskAssignmentScenarios_Sqlite(SqliteService service) : TaskAssignmentScenarios(service), IClassFixture<SqliteService>;

public sealed class TaskAssignmentScenarios_PostgreSql(PostgreSqlService service) : TaskAssignmentScenarios(service), IClassFixture<PostgreSqlService>;
