using System.Text.Json.Nodes;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tasks;
using static CbpCenters.Engine.Tests.EngineHarness;
using static CbpCenters.Engine.Tests.Tasks.TaskScenario;

namespace CbpCenters.Engine.Tests.Tasks;

public sealed class TaskServiceTests : IAsyncLifetime
{
    private readonly TaskScenario _centers = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => _centers.DisposeAsync();

    private async Task<HumanTask> NewTaskAsync(string candidates = """{ "roles": ["ImportSpecialist"], "pool": "core" }""", string assignee = "", string center = Phc)
    {
        var id = $"task-{Guid.NewGuid():N}"[..20];
        await _centers.ImportAsync(TaskFlow(id, $$"""
            "title": "Review PSC", {{assignee}} "candidates": {{candidates}}, "outcomes": {{ReviewOutcomes}}
            """));
        return await _centers.TaskOfAsync((await _centers.StartAsync(id, center)).Id);
    }

    [Fact]
    public async Task Two_people_claiming_at_once_one_gets_the_task_and_the_other_a_conflict()
    {
        for (var round = 0; round < 10; round++)
        {
            var task = await NewTaskAsync();

            var won = await Task.WhenAll(new[] { "ana", "ben" }.Select(user => Task.Run(async () =>
            {
                try { await _centers.Service(s => s.ClaimAsync(task.Id, _centers.Actor(user))); return user; }
                catch (WorkflowConflictException) { return null; }
            })));

            var winner = Assert.Single(won, w => w is not null);
            task = await _centers.Service(s => s.GetAsync(task.Id, _centers.Actor("cho")));
            Assert.Equal((winner, HumanTaskStatus.Assigned), (task.Assignee, task.Status));
            Assert.Single(await _centers.HistoryAsync(task.Id), k => k == "Claimed");
        }
    }

    [Theory]
    [InlineData("""{ "roles": ["ImportSpecialist"], "pool": "matrix" }""", "ana", "matrix staff")]
    [InlineData("""{ "roles": ["ImportSpecialist"], "pool": "core" }""", "ivy", "for core staff")]
    [InlineData("""{ "roles": ["ImportSpecialist"], "pool": "core" }""", "dee", "Import Specialist")]
    public async Task Someone_outside_the_tasks_pool_or_positions_cannot_claim_it_and_is_told_why(string candidates, string user, string why)
    {
        var task = await NewTaskAsync(candidates);

        var error = await Assert.ThrowsAsync<TaskForbiddenException>(() => _centers.Service(s => s.ClaimAsync(task.Id, _centers.Actor(user))));

        Assert.Contains(why, error.Message);
        Assert.Equal(HumanTaskStatus.Unassigned, (await _centers.TaskOfAsync(task.InstanceId)).Status);
    }

    [Fact]
    public async Task Four_eyes_the_reviewer_can_neither_claim_nor_complete_nor_be_given_the_approval()
    {
        await _centers.ImportAsync(Flow("two-step",
            $$"""
            { "id": "start", "type": "Start" },
            { "id": "review", "type": "HumanTask", "title": "Review", "assignee": "ana", "candidates": { "roles": ["ImportSpecialist"] }, "outcomes": {{ReviewOutcomes}} },
            { "id": "approve", "type": "HumanTask", "title": "Approve the review", "strategy": "round-robin",
              "candidates": { "roles": ["ImportSpecialist"], "pool": "core", "excludedUsers": { "expression": "[outputs.review.completedBy]" } },
              "outcomes": {{ReviewOutcomes}} },
            { "id": "done", "type": "End" }
            """,
            $"{Wire("start", "Done", "review")}, {Wire("review", "Approve", "approve")}, {Wire("review", "Reject", "done")}, {Wire("approve", "Approve", "done")}, {Wire("approve", "Reject", "done")}"));
        var instance = await _centers.StartAsync("two-step");
        await _centers.CompleteAsync(await _centers.TaskOfAsync(instance.Id), "ana", "Approve");

        var approval = (await _centers.TasksOfAsync(instance.Id))[1];
        Assert.Equal(["ana"], approval.ExcludedUsers);
        Assert.Equal("ben", approval.Assignee);
        await _centers.Service(s => s.ReleaseAsync(approval.Id, _centers.Actor("ben")));

        var claim = await Assert.ThrowsAsync<TaskForbiddenException>(() => _centers.Service(s => s.ClaimAsync(approval.Id, _centers.Actor("ana"))));
        Assert.Contains("four-eyes", claim.Message);
        await Assert.ThrowsAsync<TaskForbiddenException>(() => _centers.CompleteAsync(approval, "ana", "Approve"));
        var assign = await Assert.ThrowsAsync<TaskValidationException>(() => _centers.Service(s => s.AssignAsync(approval.Id, "ana", Supervisor(Phc))));
        Assert.Equal("userName", assign.Field);

        await _centers.Service(s => s.ClaimAsync(approval.Id, _centers.Actor("cho")));
        await _centers.CompleteAsync(approval, "cho", "Approve");
        Assert.Equal(WorkflowStatus.Finished, (await _centers.Engine.InstanceAsync(instance.Id)).Status);
    }

    [Theory]
    [InlineData("Approve", """{ }""", "data.reason")]
    [InlineData("Approve", """{ "reason": "   " }""", "data.reason")]
    [InlineData("Maybe", """{ "reason": "x" }""", "outcome")]
    [InlineData("Approve", """{ "reason": "x", "colour": "red" }""", "data.colour")]
    [InlineData("Reject", """{ "reason": "x", "refund": "12.345" }""", "data.refund")]
    public async Task A_completion_that_breaks_the_form_names_the_field_and_changes_nothing(string outcome, string data, string field)
    {
        var task = await NewTaskAsync(assignee: "\"assignee\": \"ana\",");
        var instanceBefore = await _centers.Engine.InstanceAsync(task.InstanceId);

        var error = await Assert.ThrowsAsync<TaskValidationException>(() =>
            _centers.Service(s => s.CompleteAsync(task.Id, outcome, JsonNode.Parse(data)!.AsObject(), _centers.Actor("ana"))));

        Assert.Equal(field, error.Field);
        var after = await _centers.TaskOfAsync(task.InstanceId);
        Assert.Equal((task.Version, HumanTaskStatus.Assigned, (string?)null), (after.Version, after.Status, after.Outcome));
        var instanceAfter = await _centers.Engine.InstanceAsync(task.InstanceId);
        Assert.Equal((instanceBefore.Version, WorkflowStatus.Suspended), (instanceAfter.Version, instanceAfter.Status));
        Assert.Single(await _centers.Engine.BookmarksAsync(task.InstanceId));
    }

    [Fact]
    public async Task Only_the_assignee_may_complete()
    {
        var task = await NewTaskAsync(assignee: "\"assignee\": \"ana\",");

        var error = await Assert.ThrowsAsync<TaskForbiddenException>(() => _centers.CompleteAsync(task, "ben", "Approve"));

        Assert.Contains("ana holds this task", error.Message);
    }

    [Fact]
    public async Task A_completion_decided_on_a_task_that_changed_since_loses_and_writes_nothing()
    {
        var task = await NewTaskAsync(assignee: "\"assignee\": \"ana\",");
        await _centers.Service(s => s.AssignAsync(task.Id, "ben", Supervisor(Phc)));
        var stale = new JsonObject { ["outcome"] = "Approve", ["data"] = new JsonObject { ["reason"] = "ok" }, ["completedBy"] = "ana", ["taskVersion"] = task.Version };

        await Assert.ThrowsAsync<WorkflowConflictException>(() => _centers.Engine.Runtime(r => r.ResumeAsync(task.BookmarkId, stale, "ana")));

        var after = await _centers.TaskOfAsync(task.InstanceId);
        Assert.Equal(("ben", HumanTaskStatus.Assigned), (after.Assignee, after.Status));
        Assert.Single(await _centers.Engine.BookmarksAsync(task.InstanceId));
    }

    [Fact]
    public async Task Delegating_keeps_the_owner_and_resolving_hands_the_task_back()
    {
        var task = await NewTaskAsync(assignee: "\"assignee\": \"ana\",");

        task = await _centers.Service(s => s.DelegateAsync(task.Id, "ben", _centers.Actor("ana")));
        Assert.Equal(("ben", "ana"), (task.Assignee, task.Owner));
        await Assert.ThrowsAsync<TaskForbiddenException>(() => _centers.Service(s => s.ReleaseAsync(task.Id, _centers.Actor("ben"))));
        var ineligible = await Assert.ThrowsAsync<TaskValidationException>(() => _centers.Service(s => s.DelegateAsync(task.Id, "eli", _centers.Actor("ben"))));
        Assert.Contains("core staff", ineligible.Message);

        task = await _centers.Service(s => s.ResolveAsync(task.Id, _centers.Actor("ben")));

        Assert.Equal(("ana", (string?)null), (task.Assignee, task.Owner));
        Assert.Equal(["Created", "Assigned", "Delegated", "Resolved"], await _centers.HistoryAsync(task.Id));
    }

    [Fact]
    public async Task Bulk_reassign_moves_the_open_tasks_of_the_supervisors_Centers_that_the_new_holder_may_work()
    {
        for (var i = 0; i < 3; i++) await NewTaskAsync(assignee: "\"assignee\": \"ana\",");
        var benExcluded = await NewTaskAsync("""{ "roles": ["ImportSpecialist"], "excludedUsers": ["ben"] }""", "\"assignee\": \"ana\",");
        var elsewhere = await NewTaskAsync("""{ "users": ["ana"] }""", "\"assignee\": \"ana\",", center: Ele);
        var done = await NewTaskAsync(assignee: "\"assignee\": \"ana\",");
        await _centers.CompleteAsync(done, "ana", "Approve");

        await Assert.ThrowsAsync<TaskForbiddenException>(() => _centers.Service(s => s.BulkReassignAsync("ana", "ben", _centers.Actor("cho"))));
        var moved = await _centers.Service(s => s.BulkReassignAsync("ana", "ben", Supervisor(Phc)));

        Assert.Equal(3, moved);
        var bens = await _centers.Store.Tasks.QueryAsync(new TaskQuery(_centers.Actor("ben").Viewer, TaskView.Mine), default);
        Assert.Equal(3, bens.Items.Count);
        Assert.All(bens.Items, t => Assert.Equal("ben", t.Assignee));
        Assert.Equal("Reassigned", (await _centers.HistoryAsync(bens.Items[0].Id))[^1]);
        Assert.Equal("ana", (await _centers.TaskOfAsync(benExcluded.InstanceId)).Assignee);
        Assert.Equal("ana", (await _centers.TaskOfAsync(elsewhere.InstanceId)).Assignee);
        Assert.Equal("ana", (await _centers.TaskOfAsync(done.InstanceId)).CompletedBy);
    }

    [Fact]
    public async Task Another_Centers_staff_cannot_see_or_comment_on_a_task_but_its_own_Center_can()
    {
        var task = await NewTaskAsync(assignee: "\"assignee\": \"ana\",");

        var hidden = await Assert.ThrowsAsync<TaskForbiddenException>(() => _centers.Service(s => s.GetAsync(task.Id, _centers.Actor("gus"))));
        Assert.Contains("PHC", hidden.Message);
        await Assert.ThrowsAsync<TaskForbiddenException>(() => _centers.Service(s => s.CommentAsync(task.Id, "hello", _centers.Actor("gus"))));
        await Assert.ThrowsAsync<TaskNotFoundException>(() => _centers.Service(s => s.GetAsync(Guid.NewGuid(), Supervisor(Phc))));

        await _centers.Service(s => s.CommentAsync(task.Id, "Importer sent the invoices.", _centers.Actor("ben")));
        var comments = await _centers.Service(s => s.CommentsAsync(task.Id, Supervisor(Phc)));
        Assert.Equal(("ben", "Importer sent the invoices."), (comments.Single().Author, comments.Single().Text));
    }

    [Fact]
    public async Task A_released_task_returns_to_the_queue_for_someone_else_to_claim()
    {
        var task = await NewTaskAsync(assignee: "\"assignee\": \"ana\",");

        task = await _centers.Service(s => s.ReleaseAsync(task.Id, _centers.Actor("ana")));
        Assert.Equal(((string?)null, HumanTaskStatus.Unassigned), (task.Assignee, task.Status));
        task = await _centers.Service(s => s.ClaimAsync(task.Id, _centers.Actor("cho")));

        Assert.Equal("cho", task.Assignee);
        var taken = await Assert.ThrowsAsync<WorkflowConflictException>(() => _centers.Service(s => s.ClaimAsync(task.Id, _centers.Actor("ben"))));
        Assert.Contains("cho already has this task", taken.Message);
    }
}
