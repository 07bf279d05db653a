using System.Net;
using System.Net.Http.Json;
using CbpCenters.IntegrationTests.Infrastructure;
using static CbpCenters.IntegrationTests.Infrastructure.Flowcharts;
using static CbpCenters.IntegrationTests.Tasks.TaskFlows;

namespace CbpCenters.IntegrationTests.Tasks;

/// <summary>Issue 3: working a task. A bad form is refused naming the field and changes nothing; delegation, bulk reassignment and comments.</summary>
public abstract class TaskWorkScenarios(ServiceFixture service)
{
    private async Task<(HttpClient Admin, string DefinitionId)> PublishReviewAsync(string name, string more = "")
    {
        var admin = await service.ClientAsync(Admin);
        var id = Unique(name);
        await admin.PublishAsync(Review(id, """{ "roles": ["ImportSpecialist"], "pool": "core" }""", more));
        return (admin, id);
    }

    [Fact]
    public async Task Completing_with_a_bad_form_is_refused_naming_the_field_and_changes_nothing()
    {
        var (admin, id) = await PublishReviewAsync("form");
        var instance = await admin.StartAsync(id);
        var specialist = await service.ClientAsync("phc.is1");
        var taskId = (await admin.TaskOfAsync(id, instance.Id())).Id();
        await specialist.ClaimAsync(taskId).ExpectAsync(HttpStatusCode.OK);
        var taskBefore = (await specialist.DetailAsync(taskId)).ToJsonString();
        var instanceBefore = (await admin.InstanceAsync(instance.Id())).ToJsonString();
        var journalBefore = (await admin.JournalAsync(instance.Id())).Count;

        var missing = await specialist.CompleteAsync(taskId, "Deny", new { }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["data.reasons"], await missing.ErrorFieldsAsync());
        Assert.Contains("Reasons is required", await missing.DetailTextAsync());
        var blank = await specialist.CompleteAsync(taskId, "Deny", new { reasons = "   " }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["data.reasons"], await blank.ErrorFieldsAsync());
        var unknown = await specialist.CompleteAsync(taskId, "Approve").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["outcome"], await unknown.ErrorFieldsAsync());
        Assert.Contains("Allow, Deny", await unknown.DetailTextAsync());
        var stray = await specialist.CompleteAsync(taskId, "Allow", new { refund = 100 }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["data.refund"], await stray.ErrorFieldsAsync());

        Assert.Equal(taskBefore, (await specialist.DetailAsync(taskId)).ToJsonString());
        Assert.Equal(instanceBefore, (await admin.InstanceAsync(instance.Id())).ToJsonString());
        Assert.Equal(journalBefore, (await admin.JournalAsync(instance.Id())).Count);

        var done = await (await specialist.CompleteAsync(taskId, "Deny", new { reasons = "The goods are classified correctly." })
            .ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        Assert.Equal("Completed", done.Status());
        Assert.Equal("The goods are classified correctly.", done["data"]!["reasons"]!.GetValue<string>());
        var after = await admin.InstanceAsync(instance.Id());
        Assert.Equal("Finished", after.Status());
        Assert.Contains(await admin.JournalAsync(instance.Id(), "ActivityCompleted"), j => j["activityId"]?.GetValue<string>() == "deny");
    }

    [Fact]
    public async Task A_delegated_task_goes_to_an_eligible_colleague_and_back_to_its_owner_on_resolve()
    {
        var (admin, id) = await PublishReviewAsync("delegate", "\"assignee\": \"phc.is1\", \"due\": \"P5BD\"");
        var instance = await admin.StartAsync(id);
        var taskId = (await admin.TaskOfAsync(id, instance.Id())).Id();
        var owner = await service.ClientAsync("phc.is1");
        var colleague = await service.ClientAsync("phc.is2");

        var toMatrix = await owner.PostAsJsonAsync($"/api/v1/tasks/{taskId}/delegate", new { userName = "phc.paralegal" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["userName"], await toMatrix.ErrorFieldsAsync());
        var toLongBeach = await owner.PostAsJsonAsync($"/api/v1/tasks/{taskId}/delegate", new { userName = "ele.is1" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("PHC", await toLongBeach.DetailTextAsync());
        await colleague.PostAsJsonAsync($"/api/v1/tasks/{taskId}/delegate", new { userName = "phc.is3" }).ExpectAsync(HttpStatusCode.Forbidden);

        var delegated = await (await owner.PostAsJsonAsync($"/api/v1/tasks/{taskId}/delegate", new { userName = "phc.is2" })
            .ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        Assert.Equal(("phc.is2", "phc.is1"), (delegated.Text("assignee"), delegated.Text("owner")));
        Assert.Equal([taskId], (await colleague.InboxAsync("mine", id)).Select(t => t.Id()));
        Assert.Empty(await owner.InboxAsync("mine", id));
        await owner.CompleteAsync(taskId, "Allow").ExpectAsync(HttpStatusCode.Forbidden);

        var resolved = await (await colleague.PostAsync($"/api/v1/tasks/{taskId}/resolve", null).ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        Assert.Equal("phc.is1", resolved.Text("assignee"));
        Assert.Null(resolved["owner"]);
        Assert.Equal(["Created", "Assigned", "Delegated", "Resolved"], await owner.HistoryAsync(taskId));
        var delegatedNotice = Assert.Single(await HandoverNoticesAsync(admin, "phc.is2", taskId));
        Assert.Contains("phc.is1 delegated it to you", delegatedNotice);
        Assert.Contains("Eastern", delegatedNotice); // the due date as the New York Center reads it
        var owners = await HandoverNoticesAsync(admin, "phc.is1", taskId);
        Assert.Equal(2, owners.Count);
        Assert.Contains(owners, text => text.Contains("phc.is2 handed it back to you", StringComparison.Ordinal));
        await colleague.PostAsync($"/api/v1/tasks/{taskId}/resolve", null).ExpectAsync(HttpStatusCode.Forbidden);
        await owner.CompleteAsync(taskId, "Allow").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bulk_reassign_moves_every_open_task_the_new_holder_may_work_and_leaves_the_rest()
    {
        var admin = await service.ClientAsync(Admin);
        var team = await admin.HireAsync("IMM", "ImportSpecialist", 2);
        var (leaving, taking) = (team[0], team[1]);
        var id = Unique("bulk");
        var fourEyes = Unique("bulk4eyes");
        await admin.PublishAsync(Review(id, """{ "roles": ["ImportSpecialist"] }""", $"\"assignee\": \"{leaving}\""));
        await admin.PublishAsync(Review(fourEyes, $$"""{ "roles": ["ImportSpecialist"], "excludedUsers": ["{{taking}}"] }""", $"\"assignee\": \"{leaving}\""));
        for (var i = 0; i < 3; i++) await admin.StartAsync(id, "IMM");
        var kept = await admin.StartAsync(fourEyes, "IMM");
        var finished = await admin.StartAsync(id, "IMM");
        var leaver = await service.ClientAsync(leaving);
        await leaver.CompleteAsync((await admin.TaskOfAsync(id, finished.Id())).Id(), "Allow").ExpectAsync(HttpStatusCode.OK);

        await (await service.ClientAsync(leaving)).PostAsJsonAsync("/api/v1/tasks/bulk-reassign", new { fromUser = leaving, toUser = taking })
            .ExpectAsync(HttpStatusCode.Forbidden);
        var otherCenter = await (await (await service.ClientAsync("phc.director"))
            .PostAsJsonAsync("/api/v1/tasks/bulk-reassign", new { fromUser = leaving, toUser = taking }).ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        Assert.Equal(0, otherCenter["moved"]!.GetValue<int>());
        Assert.Equal(4, (await leaver.InboxAsync("mine", id)).Count + (await leaver.InboxAsync("mine", fourEyes)).Count);

        var moved = await (await (await service.ClientAsync("imm.director"))
            .PostAsJsonAsync("/api/v1/tasks/bulk-reassign", new { fromUser = leaving, toUser = taking }).ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();

        Assert.Equal(3, moved["moved"]!.GetValue<int>());
        var taker = await service.ClientAsync(taking);
        var nowHeld = await taker.InboxAsync("mine", id);
        Assert.Equal(3, nowHeld.Count);
        Assert.Equal(["Created", "Assigned", "Reassigned"], await taker.HistoryAsync(nowHeld[0].Id()));
        foreach (var task in nowHeld)
            Assert.Contains($"imm.director moved it to you from {leaving}", Assert.Single(await HandoverNoticesAsync(admin, taking, task.Id())));
        Assert.Equal([(await admin.TaskOfAsync(fourEyes, kept.Id())).Id()], (await leaver.InboxAsync("mine", fourEyes)).Select(t => t.Id()));
        Assert.Empty(await leaver.InboxAsync("mine", id));
    }

    /// <summary>The text of each "task assigned" notice <paramref name="userName"/> got for the task.</summary>
    private static async Task<List<string>> HandoverNoticesAsync(HttpClient admin, string userName, string taskId)
    {
        var page = await (await admin.GetAsync($"/api/v1/outbox?recipient={userName}@cbpcenters.example&pageSize=200")
            .ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        var texts = new List<string>();
        foreach (var item in page["items"]!.AsArray().Where(m => m!.Text("template") == "task-assigned" && m!.Text("taskId") == taskId))
        {
            var detail = await (await admin.GetAsync($"/api/v1/outbox/{item!.Id()}").ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
            texts.Add(detail["message"]!.Text("textBody")!);
        }
        return texts;
    }

    [Fact]
    public async Task Comments_are_kept_in_order_with_their_authors_and_only_people_who_see_the_task_may_write_one()
    {
        var (admin, id) = await PublishReviewAsync("comments");
        var taskId = (await admin.TaskOfAsync(id, (await admin.StartAsync(id)).Id())).Id();
        var specialist = await service.ClientAsync("phc.is1");
        var supervisor = await service.ClientAsync("phc.supervisor");

        await specialist.PostAsJsonAsync($"/api/v1/tasks/{taskId}/comments", new { text = "Asked the broker for the mill certificate." }).ExpectAsync(HttpStatusCode.OK);
        await supervisor.PostAsJsonAsync($"/api/v1/tasks/{taskId}/comments", new { text = "Check the 2024 ruling first." }).ExpectAsync(HttpStatusCode.OK);
        var empty = await specialist.PostAsJsonAsync($"/api/v1/tasks/{taskId}/comments", new { text = " " }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["text"], await empty.ErrorFieldsAsync());
        var tooLong = await specialist.PostAsJsonAsync($"/api/v1/tasks/{taskId}/comments", new { text = new string('x', 4001) }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["text"], await tooLong.ErrorFieldsAsync());
        var control = await specialist.PostAsJsonAsync($"/api/v1/tasks/{taskId}/comments", new { text = "ring\u0007" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("control characters", await control.DetailTextAsync());
        await (await service.ClientAsync("ele.is1")).PostAsJsonAsync($"/api/v1/tasks/{taskId}/comments", new { text = "hello" }).ExpectAsync(HttpStatusCode.Forbidden);

        var comments = (await (await service.ClientAsync("phc.is2")).DetailAsync(taskId))["comments"]!.AsArray();
        Assert.Equal([("phc.is1", "Asked the broker for the mill certificate."), ("phc.supervisor", "Check the 2024 ruling first.")],
            comments.Select(c => (c!.Text("author"), c!.Text("text"))));
        Assert.Equal("Unassigned", (await admin.DetailAsync(taskId))["task"]!.Status());
        Assert.Equal(["Created"], await admin.HistoryAsync(taskId));
    }
}

public sealed class TaskWorkScenarios_Sqlite(SqliteService service) : TaskWorkScenarios(service), IClassFixture<SqliteService>;

public sealed class TaskWorkScenarios_PostgreSql(PostgreSqlService service) : TaskWorkScenarios(service), IClassFixture<PostgreSqlService>;
