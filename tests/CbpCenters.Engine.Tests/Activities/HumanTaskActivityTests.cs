using System.Text.Json.Nodes;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tasks;
using CbpCenters.Engine.Tests.Tasks;
using Microsoft.Extensions.DependencyInjection;
using static CbpCenters.Engine.Tests.Tasks.TaskScenario;

namespace CbpCenters.Engine.Tests.Activities;

public sealed class HumanTaskActivityTests : IAsyncLifetime
{
    private readonly TaskScenario _centers = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => _centers.DisposeAsync();

    [Fact]
    public async Task Creating_a_task_fills_the_inbox_row_its_bookmarks_history_journal_and_assignment_notice()
    {
        // Monday March 2 2026, 09:00 in New York; daylight saving time starts on Sunday March 8.
        await _centers.ImportAsync(TaskFlow("protest-review", $$$"""
            "title": "Review protest {{ input.protestNumber }}", "caseReference": "{{ input.protestNumber }}",
            "description": "Check the claims against the entries.", "assignee": "ben", "priority": 70,
            "candidates": { "roles": ["ImportSpecialist"], "pool": "core" }, "due": "P5BD", "followUp": "P2BD",
            "outcomes": {{{ReviewOutcomes}}},
            "escalation": [ { "at": "75%", "action": "remind" }, { "at": "due", "action": "escalate", "to": "CenterDirector" },
                            { "at": "due+P10BD", "action": "escalate", "to": "DFO" } ]
            """));

        var instance = await _centers.StartAsync("protest-review", input: new JsonObject { ["protestNumber"] = "1001-26-100123" });

        Assert.Equal(WorkflowStatus.Suspended, instance.Status);
        var task = await _centers.TaskOfAsync(instance.Id);
        Assert.Equal("Review protest 1001-26-100123", task.Title);
        Assert.Equal("1001-26-100123", task.CaseReference);
        Assert.Equal((Phc, "protest-review", 1, "review"), (task.CenterCode, task.DefinitionId, task.DefinitionVersion, task.ActivityId));
        Assert.Equal(("ben", HumanTaskStatus.Assigned, 70, CandidatePool.Core), (task.Assignee, task.Status, task.Priority, task.Pool));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero), task.DueAt); // 09:00 New York daylight time
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 14, 0, 0, TimeSpan.Zero), task.FollowUpAt);
        Assert.Equal(["Approve", "Reject"], task.Outcomes.Select(o => o.Name));

        var bookmarks = await _centers.Engine.BookmarksAsync(instance.Id);
        Assert.Equal(task.BookmarkId, Assert.Single(bookmarks, b => b.Kind == BookmarkKinds.HumanTask).Id);
        Assert.Equal(["escalation:0", "escalation:1", "escalation:2"], bookmarks.Where(b => b.IsTimer).OrderBy(b => b.DueAt).Select(b => b.Name));
        Assert.Equal(["Created", "Assigned"], await _centers.HistoryAsync(task.Id));
        Assert.Single(await _centers.JournalAsync(instance.Id), j => j.Event == JournalEvents.TaskCreated && j.Message!.Contains("assigned to ben"));
        var notice = Assert.Single(_centers.Store.Outbox);
        Assert.Equal(("task-assigned", task.Id), (notice.Template, notice.TaskId));
        Assert.Equal([Email("ben")], notice.To);
    }

    private static string EscalatingTask(string escalation, string assignee = "\"assignee\": \"ana\",", string due = "P5BD") => TaskFlow("escalating", $$"""
        "title": "Validate entry summary", {{assignee}} "candidates": { "roles": ["ImportSpecialist"], "pool": "core" }, "strategy": "claim",
        "due": "{{due}}", "outcomes": {{ReviewOutcomes}}, "escalation": {{escalation}}
        """, "Approve", "Reject", "Timeout");

    [Fact]
    public async Task Escalation_steps_fire_once_each_at_their_business_day_instants_across_Thanksgiving()
    {
        // Wednesday November 25 2026, 09:00 New York. Thanksgiving (Thursday the 26th) and the weekend do not count,
        // so five business days end on Thursday December 3; ten more on December 17; twenty more skip Christmas
        // and New Year's Day and end on Monday January 4 2027.
        _centers.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero));
        await _centers.ImportAsync(EscalatingTask("""
            [ { "at": "75%", "action": "remind" }, { "at": "due", "action": "escalate", "to": "CenterDirector" },
              { "at": "due+P10BD", "action": "escalate", "to": "DFO" }, { "at": "due+P20BD", "action": "timeout" } ]
            """));
        var instance = await _centers.StartAsync("escalating");
        var task = await _centers.TaskOfAsync(instance.Id);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 14, 0, 0, TimeSpan.Zero), task.DueAt);
        var outbox = _centers.Store.Outbox;
        outbox.Clear();

        await FiresOnceAtAsync(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero)); // 6 of 8 days
        var reminder = Assert.Single(outbox);
        Assert.Equal(("task-reminder", task.Id), (reminder.Template, reminder.TaskId));
        Assert.Equal([Email("ana")], reminder.To);

        await FiresOnceAtAsync(new DateTimeOffset(2026, 12, 3, 14, 0, 0, TimeSpan.Zero));
        task = await _centers.TaskOfAsync(instance.Id);
        Assert.Equal((1, "ana", HumanTaskStatus.Assigned), (task.EscalationLevel, task.Assignee, task.Status));
        Assert.Equal(["pat"], task.EscalatedTo);
        Assert.Contains("pat", task.CandidateUsers);
        var toDirector = outbox[^1];
        Assert.Equal(("task-escalated-director", Email("pat"), Email("ana")), (toDirector.Template, toDirector.To.Single(), toDirector.Cc.Single()));

        await FiresOnceAtAsync(new DateTimeOffset(2026, 12, 17, 14, 0, 0, TimeSpan.Zero));
        task = await _centers.TaskOfAsync(instance.Id);
        Assert.Equal((2, "ana"), (task.EscalationLevel, task.Assignee));
        Assert.Equal(["pat", "dan"], task.EscalatedTo);
        var toFieldOperations = outbox[^1];
        Assert.Equal(("task-escalated-dfo", Email("dan"), Email("ana")), (toFieldOperations.Template, toFieldOperations.To.Single(), toFieldOperations.Cc.Single()));

        await FiresOnceAtAsync(new DateTimeOffset(2027, 1, 4, 14, 0, 0, TimeSpan.Zero));
        task = await _centers.TaskOfAsync(instance.Id);
        Assert.Equal(HumanTaskStatus.TimedOut, task.Status);
        instance = await _centers.Engine.InstanceAsync(instance.Id);
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Equal("Timeout", instance.Variables["result"]!.GetValue<string>());
        Assert.Empty(await _centers.Engine.BookmarksAsync(instance.Id));
        Assert.Equal(3, outbox.Count);

        var journal = await _centers.JournalAsync(instance.Id);
        Assert.Single(journal, j => j.Event == JournalEvents.TaskReminded);
        Assert.Equal(2, journal.Count(j => j.Event == JournalEvents.TaskEscalated));
        Assert.Single(journal, j => j.Event == JournalEvents.TaskTimedOut);
        Assert.Equal(["Created", "Assigned", "Reminded", "Escalated", "Escalated", "TimedOut"], await _centers.HistoryAsync(task.Id));
    }

    private async Task FiresOnceAtAsync(DateTimeOffset instant)
    {
        _centers.Clock.SetUtcNow(instant - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await _centers.Engine.FireDueTimersAsync());
        _centers.Clock.SetUtcNow(instant);
        Assert.Equal(1, await _centers.Engine.FireDueTimersAsync());
        Assert.Equal(0, await _centers.Engine.FireDueTimersAsync());
    }

    [Fact]
    public async Task A_reminder_for_an_unassigned_task_mails_nobody_but_is_recorded()
    {
        await _centers.ImportAsync(EscalatingTask("""[ { "at": "created+P1BD", "action": "remind" }, { "at": "due", "action": "timeout" } ]""", assignee: ""));
        var instance = await _centers.StartAsync("escalating");

        _centers.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await _centers.Engine.FireDueTimersAsync());

        Assert.Empty(_centers.Store.Outbox);
        var task = await _centers.TaskOfAsync(instance.Id);
        var reminded = Assert.Single(await _centers.Store.Tasks.GetHistoryAsync(task.Id, default), e => e.Kind == "Reminded");
        Assert.Contains("unassigned", reminded.Detail);
        Assert.Single(await _centers.JournalAsync(instance.Id), j => j.Event == JournalEvents.TaskReminded);
    }

    [Fact]
    public async Task Escalating_in_reassign_mode_hands_the_task_to_the_Center_Director_of_the_tasks_Center()
    {
        await _centers.ImportAsync(TaskFlow("ele-review", $$"""
            "title": "Classify laptops", "assignee": "gus", "candidates": { "roles": ["ImportSpecialist"] },
            "outcomes": {{ReviewOutcomes}}, "escalation": [ { "at": "created+P1BD", "action": "escalate", "to": "CenterDirector", "mode": "reassign" } ]
            """));
        var instance = await _centers.StartAsync("ele-review", center: Ele);

        _centers.Clock.Advance(TimeSpan.FromDays(1));
        await _centers.Engine.FireDueTimersAsync();

        var task = await _centers.TaskOfAsync(instance.Id);
        Assert.Equal(("eve", HumanTaskStatus.Assigned, 1), (task.Assignee, task.Status, task.EscalationLevel));
        var notice = _centers.Store.Outbox[^1];
        Assert.Equal(("task-escalated-director", Email("eve"), Email("gus")), (notice.Template, notice.To.Single(), notice.Cc.Single()));
    }

    [Fact]
    public async Task Completing_continues_on_the_chosen_outcome_and_cancels_the_escalation_timers()
    {
        await _centers.ImportAsync(EscalatingTask("""[ { "at": "75%", "action": "remind" }, { "at": "due", "action": "timeout" } ]"""));
        var instance = await _centers.StartAsync("escalating");
        var task = await _centers.TaskOfAsync(instance.Id);

        task = await _centers.CompleteAsync(task, "ana", "Reject", new JsonObject { ["reason"] = "wrong HTS", ["refund"] = 1250.5 });

        Assert.Equal((HumanTaskStatus.Completed, "Reject", "ana"), (task.Status, task.Outcome, task.CompletedBy));
        Assert.Equal("wrong HTS", task.Data!["reason"]!.GetValue<string>());
        instance = await _centers.Engine.InstanceAsync(instance.Id);
        Assert.Equal((WorkflowStatus.Finished, "Reject"), (instance.Status, instance.Variables["result"]!.GetValue<string>()));
        Assert.Equal("ana", instance.State.Outputs["review"]["completedBy"]!.GetValue<string>());
        Assert.Empty(await _centers.Engine.BookmarksAsync(instance.Id));
        Assert.Single(await _centers.JournalAsync(instance.Id), j => j.Event == JournalEvents.TaskCompleted && j.Actor == "ana" && j.Outcome == "Reject");

        _centers.Clock.Advance(TimeSpan.FromDays(60));
        Assert.Equal(0, await _centers.Engine.FireDueTimersAsync());
        Assert.Equal(HumanTaskStatus.Completed, (await _centers.TaskOfAsync(instance.Id)).Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_completion_and_a_timeout_in_either_order_the_first_wins_and_the_second_writes_nothing(bool completionFirst)
    {
        await _centers.ImportAsync(EscalatingTask("""[ { "at": "due", "action": "timeout" } ]""", due: "P1BD"));
        var instance = await _centers.StartAsync("escalating");
        var task = await _centers.TaskOfAsync(instance.Id);
        var timer = Assert.Single(await _centers.Engine.BookmarksAsync(instance.Id), b => b.IsTimer);
        _centers.Clock.Advance(TimeSpan.FromDays(2));
        var completion = new JsonObject { ["outcome"] = "Approve", ["data"] = new JsonObject { ["reason"] = "ok" }, ["completedBy"] = "ana" };
        Task Complete() => _centers.Engine.Runtime(r => r.ResumeAsync(task.BookmarkId, completion, "ana"));
        Task TimeOut() => _centers.Engine.Runtime(r => r.ResumeAsync(timer.Id, null, "timer"));

        await (completionFirst ? Complete() : TimeOut());
        var journalAfterWinner = (await _centers.JournalAsync(instance.Id)).Count;
        await Assert.ThrowsAsync<WorkflowConflictException>(completionFirst ? TimeOut : Complete);

        Assert.Equal(journalAfterWinner, (await _centers.JournalAsync(instance.Id)).Count);
        Assert.Equal(completionFirst ? HumanTaskStatus.Completed : HumanTaskStatus.TimedOut, (await _centers.TaskOfAsync(instance.Id)).Status);
        instance = await _centers.Engine.InstanceAsync(instance.Id);
        Assert.Equal(completionFirst ? "Approve" : "Timeout", instance.Variables["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_completion_racing_a_timeout_at_the_same_moment_has_exactly_one_winner_whose_effects_alone_are_written()
    {
        await _centers.ImportAsync(EscalatingTask("""[ { "at": "due", "action": "timeout" } ]""", due: "P1BD"));
        var instances = new List<WorkflowInstance>();
        for (var i = 0; i < 10; i++) instances.Add(await _centers.StartAsync("escalating"));
        _centers.Clock.Advance(TimeSpan.FromDays(2));

        foreach (var instance in instances)
        {
            var task = await _centers.TaskOfAsync(instance.Id);
            var timer = Assert.Single(await _centers.Engine.BookmarksAsync(instance.Id), b => b.IsTimer);
            var completion = new JsonObject { ["outcome"] = "Approve", ["data"] = new JsonObject { ["reason"] = "ok" }, ["completedBy"] = "ana" };
            var won = await Task.WhenAll(
                Attempt(() => _centers.Engine.Runtime(r => r.ResumeAsync(task.BookmarkId, completion, "ana"))),
                Attempt(() => _centers.Engine.Runtime(r => r.ResumeAsync(timer.Id, null, "timer"))));

            Assert.Equal(1, won.Count(w => w));
            var journal = await _centers.JournalAsync(instance.Id);
            var final = await _centers.TaskOfAsync(instance.Id);
            var result = (await _centers.Engine.InstanceAsync(instance.Id)).Variables["result"]!.GetValue<string>();
            if (won[0])
                Assert.Equal((HumanTaskStatus.Completed, "Approve", 0), (final.Status, result, journal.Count(j => j.Event == JournalEvents.TaskTimedOut)));
            else
                Assert.Equal((HumanTaskStatus.TimedOut, "Timeout", 0), (final.Status, result, journal.Count(j => j.Event == JournalEvents.TaskCompleted)));
        }
    }

    private static Task<bool> Attempt(Func<Task> resume) => Task.Run(async () =>
    {
        try { await resume(); return true; }
        catch (WorkflowConflictException) { return false; }
    });

    [Fact]
    public async Task Cancelling_the_instance_cancels_its_open_task()
    {
        await _centers.ImportAsync(EscalatingTask("""[ { "at": "due", "action": "timeout" } ]"""));
        var instance = await _centers.StartAsync("escalating");

        await _centers.Engine.Runtime(r => r.CancelAsync(instance.Id, "sup.phc", "filed in error"));

        var task = await _centers.TaskOfAsync(instance.Id);
        Assert.Equal(HumanTaskStatus.Cancelled, task.Status);
        Assert.Equal("Cancelled", (await _centers.HistoryAsync(task.Id))[^1]);
        Assert.Single(await _centers.JournalAsync(instance.Id), j => j.Event == JournalEvents.TaskCancelled);
    }

    [Fact]
    public async Task A_failing_due_expression_faults_the_step_and_leaves_no_task_bookmark_or_notice()
    {
        await _centers.ImportAsync(TaskFlow("bad-due", $$"""
            "title": "Review", "assignee": "ana", "candidates": { "roles": ["ImportSpecialist"] },
            "due": { "expression": "case.decisionLimit.toUpperCase()" }, "outcomes": {{ReviewOutcomes}}
            """));

        var instance = await _centers.StartAsync("bad-due", caseId: Guid.NewGuid());

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Equal("review", Assert.Single(instance.State.Incidents).ActivityId);
        Assert.Empty(await _centers.TasksOfAsync(instance.Id));
        Assert.Empty(await _centers.Engine.BookmarksAsync(instance.Id));
        Assert.Empty(_centers.Store.Outbox);
    }

    [Theory]
    [InlineData("\"outcomes\": []", "at least one outcome")]
    [InlineData("\"outcomes\": [ { \"name\": \"Approve\" }, { \"name\": \"Approve\" } ]", "outcome 'Approve' appears more than once")]
    [InlineData("\"outcomes\": [ { \"name\": \"Approve\", \"form\": [ { \"field\": \"c\", \"type\": \"color\" } ] } ]", "type 'color'")]
    [InlineData("\"outcomes\": [ { \"name\": \"Approve\", \"form\": [ { \"field\": \"c\", \"type\": \"select\" } ] } ]", "needs allowedValues")]
    [InlineData("\"outcomes\": [ { \"name\": \"Approve\" } ], \"due\": \"P5BD\", \"escalation\": [ { \"at\": \"soon\", \"action\": \"remind\" } ]", "not an escalation moment")]
    [InlineData("\"outcomes\": [ { \"name\": \"Approve\" } ], \"due\": \"P5BD\", \"escalation\": [ { \"at\": \"due\", \"action\": \"escalate\", \"to\": \"Commissioner\" } ]", "CenterDirector or DFO")]
    [InlineData("\"outcomes\": [ { \"name\": \"Approve\" } ], \"escalation\": [ { \"at\": \"due+P2BD\", \"action\": \"remind\" } ]", "has no 'due'")]
    [InlineData("\"outcomes\": [ { \"name\": \"Approve\" } ], \"escalation\": [ { \"at\": \"80%\", \"action\": \"nag\" } ], \"due\": \"P5BD\"", "action must be one of")]
    [InlineData("\"outcomes\": [ { \"name\": \"Approve\" } ], \"strategy\": \"random\"", "must be one of claim, round-robin, least-loaded")]
    [InlineData("\"outcomes\": [ { \"name\": \"Approve\" } ], \"priority\": 150", "priority")]
    [InlineData("\"outcomes\": [ { \"name\": \"Approve\" } ], \"candidates\": { \"roles\": [\"Paralegal\"], \"pool\": \"port\" }", "core, matrix or either")]
    public async Task The_validator_names_each_design_error(string properties, string expected)
    {
        var baseline = properties.Contains("\"candidates\"") ? "" : "\"candidates\": { \"roles\": [\"ImportSpecialist\"] },";
        var errors = await ValidateAsync(TaskFlow("design", $"\"title\": \"Review\", {baseline} {properties}", "Approve"));

        Assert.Contains(errors, e => e.ActivityId == "review" && e.Message.Contains(expected));
    }

    [Fact]
    public async Task A_well_formed_task_passes_the_validator_and_offers_a_Timeout_port_only_with_a_timeout_step()
    {
        Assert.Empty(await ValidateAsync(EscalatingTask("""[ { "at": "75%", "action": "remind" }, { "at": "due+P10BD", "action": "timeout" } ]""")));

        var errors = await ValidateAsync(EscalatingTask("""[ { "at": "75%", "action": "remind" } ]"""));
        Assert.Contains(errors, e => e.Rule == "missing-port" && e.Message.Contains("'Timeout'"));
    }

    private async Task<IReadOnlyList<DefinitionError>> ValidateAsync(string json) =>
        await _centers.Engine.Scoped(sp => Task.FromResult(sp.GetRequiredService<DefinitionValidator>().Validate(DefinitionJson.Parse(json))));
}
