using System.Net;
using System.Net.Http.Json;
using CbpCenters.IntegrationTests.Infrastructure;
using static CbpCenters.IntegrationTests.Infrastructure.Flowcharts;
using static CbpCenters.IntegrationTests.Tasks.TaskFlows;

namespace CbpCenters.IntegrationTests.Tasks;

/// <summary>Issue 3: who a task reaches. Only eligible staff of its Center and pool, never Long Beach for New York, never a four-eyes reviewer twice.</summary>
public abstract class TaskInboxScenarios(ServiceFixture service)
{
    private async Task<List<string>> InboxIdsAsync(string user, string view, string definitionId) =>
        [.. (await (await service.ClientAsync(user)).InboxAsync(view, definitionId)).Select(t => t.Id())];

    private async Task<(HttpClient Admin, string TaskId)> OpenTaskAsync(string definitionId, string candidates, string more = "")
    {
        var admin = await service.ClientAsync(Admin);
        await admin.PublishAsync(Review(definitionId, candidates, more));
        var instance = await admin.StartAsync(definitionId, "PHC");
        return (admin, (await admin.TaskOfAsync(definitionId, instance.Id())).Id());
    }

    [Fact]
    public async Task A_core_task_lands_in_the_inboxes_of_its_Centers_import_specialists_and_nobody_elses()
    {
        var id = Unique("inbox");
        var (_, taskId) = await OpenTaskAsync(id, """{ "roles": ["ImportSpecialist"], "pool": "core" }""");

        foreach (var eligible in new[] { "phc.is1", "phc.is2", "phc.is3", "phc.supervisor" })
            Assert.Equal([taskId], await InboxIdsAsync(eligible, "unassigned", id));
        foreach (var other in new[] { "phc.es1", "phc.attorney", "phc.paralegal", "phc.officer", "ele.is1", "ele.supervisor", "phc.director" })
            Assert.Empty(await InboxIdsAsync(other, "unassigned", id));

        var entrySpecialist = await service.ClientAsync("phc.es1");
        Assert.False((await entrySpecialist.DetailAsync(taskId))["canClaim"]!.GetValue<bool>());
        var refused = await entrySpecialist.ClaimAsync(taskId).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Import Specialist", await refused.DetailTextAsync());
        Assert.True((await (await service.ClientAsync("phc.is2")).DetailAsync(taskId))["canClaim"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_matrix_task_never_reaches_core_staff_and_a_core_task_never_reaches_matrix_staff()
    {
        var matrix = Unique("matrix");
        var core = Unique("core");
        var (_, matrixTask) = await OpenTaskAsync(matrix, """{ "roles": ["Paralegal", "CbpOfficer", "ImportSpecialist"], "pool": "matrix" }""");
        var (_, coreTask) = await OpenTaskAsync(core, """{ "roles": ["ImportSpecialist", "Paralegal"], "pool": "core" }""");

        foreach (var port in new[] { "phc.paralegal", "phc.officer" })
        {
            Assert.Equal([matrixTask], await InboxIdsAsync(port, "unassigned", matrix));
            Assert.Empty(await InboxIdsAsync(port, "unassigned", core));
        }
        foreach (var center in new[] { "phc.is1", "phc.supervisor" })
        {
            Assert.Empty(await InboxIdsAsync(center, "unassigned", matrix));
            Assert.Equal([coreTask], await InboxIdsAsync(center, "unassigned", core));
        }

        var coreRefused = await (await service.ClientAsync("phc.is1")).ClaimAsync(matrixTask).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Contains("matrix staff", await coreRefused.DetailTextAsync());
        var matrixRefused = await (await service.ClientAsync("phc.paralegal")).ClaimAsync(coreTask).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Contains("core staff", await matrixRefused.DetailTextAsync());
        await (await service.ClientAsync("phc.paralegal")).ClaimAsync(matrixTask).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_Long_Beach_specialist_can_neither_see_nor_open_nor_work_a_New_York_task()
    {
        var id = Unique("ele");
        var (_, taskId) = await OpenTaskAsync(id, """{ "roles": ["ImportSpecialist"] }""");
        var longBeach = await service.ClientAsync("ele.is1");

        foreach (var view in new[] { "unassigned", "center", "overdue", "all" })
            Assert.Empty(await InboxIdsAsync("ele.is1", view, id));
        var opened = await longBeach.GetAsync($"/api/v1/tasks/{taskId}").ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Contains("PHC", await opened.DetailTextAsync());
        await longBeach.ClaimAsync(taskId).ExpectAsync(HttpStatusCode.Forbidden);
        await longBeach.CompleteAsync(taskId, "Allow").ExpectAsync(HttpStatusCode.Forbidden);
        await longBeach.PostAsJsonAsync($"/api/v1/tasks/{taskId}/comments", new { text = "looks fine" }).ExpectAsync(HttpStatusCode.Forbidden);

        Assert.Equal(["Created"], await (await service.ClientAsync("phc.is1")).HistoryAsync(taskId));
        Assert.Equal("Unassigned", (await (await service.ClientAsync("phc.is1")).DetailAsync(taskId))["task"]!.Status());
    }

    [Fact]
    public async Task The_four_eyes_rule_keeps_the_reviewer_from_claiming_or_completing_the_approval()
    {
        var id = Unique("foureyes");
        var admin = await service.ClientAsync(Admin);
        await admin.PublishAsync(Flow(id,
            $$"""
            { "id": "start", "type": "Start" },
            {{TaskStep("review", """{ "roles": ["ImportSpecialist"], "pool": "core" }""", "\"assignee\": \"phc.is1\"")}},
            {{TaskStep("approve", """{ "roles": ["ImportSpecialist"], "pool": "core", "excludedUsers": { "expression": "[outputs.review.completedBy]" } }""",
                outcomes: """[ { "name": "Concur" } ]""")}},
            { "id": "end", "type": "End" }
            """,
            $"{Wire("start", "Done", "review")}, {Wire("review", "Allow", "approve")}, {Wire("review", "Deny", "approve")}, {Wire("approve", "Concur", "end")}"));
        var instance = await admin.StartAsync(id);
        var reviewer = await service.ClientAsync("phc.is1");
        var review = await admin.TaskOfAsync(id, instance.Id());
        await reviewer.CompleteAsync(review.Id(), "Allow").ExpectAsync(HttpStatusCode.OK);

        var approval = await admin.TaskOfAsync(id, instance.Id());
        Assert.Equal(["phc.is1"], approval["excludedUsers"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Empty(await InboxIdsAsync("phc.is1", "unassigned", id));
        Assert.Equal([approval.Id()], await InboxIdsAsync("phc.is2", "unassigned", id));
        Assert.False((await reviewer.DetailAsync(approval.Id()))["canClaim"]!.GetValue<bool>());

        var claim = await reviewer.ClaimAsync(approval.Id()).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Contains("four-eyes", await claim.DetailTextAsync());
        var complete = await reviewer.CompleteAsync(approval.Id(), "Concur").ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Contains("four-eyes", await complete.DetailTextAsync());
        var assign = await (await service.ClientAsync("phc.supervisor"))
            .PostAsJsonAsync($"/api/v1/tasks/{approval.Id()}/assign", new { userName = "phc.is1" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["userName"], await assign.ErrorFieldsAsync());
        Assert.Equal(["Created"], await reviewer.HistoryAsync(approval.Id()));

        var second = await service.ClientAsync("phc.is2");
        await second.ClaimAsync(approval.Id()).ExpectAsync(HttpStatusCode.OK);
        await second.CompleteAsync(approval.Id(), "Concur").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Finished", (await admin.InstanceAsync(instance.Id())).Status());
    }
}

public sealed class TaskInboxScenarios_Sqlite(SqliteService service) : TaskInboxScenarios(service), IClassFixture<SqliteService>;

public sealed class TaskInboxScenarios_PostgreSql(PostgreSqlService service) : TaskInboxScenarios(service), IClassFixture<PostgreSqlService>;
