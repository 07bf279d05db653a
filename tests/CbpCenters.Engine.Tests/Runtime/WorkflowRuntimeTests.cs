using System.Text.Json.Nodes;
using CbpCenters.Engine.Runtime;
using static CbpCenters.Engine.Tests.EngineHarness;

namespace CbpCenters.Engine.Tests.Runtime;

public sealed class WorkflowRuntimeTests : IAsyncLifetime
{
    private readonly EngineHarness _engine = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => _engine.DisposeAsync();

    private static readonly string SignalFlow = Flow("filer-answer",
        """
        { "id": "start", "type": "Start" },
        { "id": "wait", "type": "WaitForSignal", "signal": "filer-response", "variable": "answer" },
        { "id": "log", "type": "Log", "message": "Filer said {{ variables.answer.text }}" },
        { "id": "end", "type": "End" }
        """,
        $"{Wire("start", "Done", "wait")}, {Wire("wait", "Received", "log")}, {Wire("log", "Done", "end")}",
        """[ { "name": "answer", "type": "object" } ]""");

    [Fact]
    public async Task Signal_resumes_the_waiting_instance_and_it_finishes_with_a_full_journal()
    {
        await _engine.ImportAsync(SignalFlow);
        var started = await _engine.StartAsync("filer-answer");
        Assert.Equal(WorkflowStatus.Suspended, started.Status);
        Assert.Single(await _engine.BookmarksAsync(started.Id));

        var finished = await _engine.SignalAsync(started.Id, "filer-response", new JsonObject { ["text"] = "invoice attached" });

        Assert.Equal(WorkflowStatus.Finished, finished.Status);
        Assert.Equal("invoice attached", finished.Variables["answer"]!["text"]!.GetValue<string>());
        Assert.Equal(["start", "wait", "log", "end"], await _engine.CompletedActivitiesAsync(started.Id));
        Assert.Empty(await _engine.BookmarksAsync(started.Id));
        var journal = await _engine.Store.GetJournalAsync(started.Id, default);
        Assert.Contains(journal, j => j.Event == JournalEvents.Log && j.Message == "Filer said invoice attached");
    }

    [Fact]
    public async Task A_signal_the_instance_is_not_waiting_for_is_a_conflict()
    {
        await _engine.ImportAsync(SignalFlow);
        var started = await _engine.StartAsync("filer-answer");
        var error = await Assert.ThrowsAsync<WorkflowConflictException>(() => _engine.SignalAsync(started.Id, "something-else"));
        Assert.Contains("something-else", error.Message);
    }

    [Fact]
    public async Task Two_concurrent_resumes_of_one_bookmark_have_exactly_one_winner()
    {
        await _engine.ImportAsync(SignalFlow);
        var started = await _engine.StartAsync("filer-answer");
        var bookmark = (await _engine.BookmarksAsync(started.Id)).Single();

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            try { await _engine.Runtime(r => r.ResumeAsync(bookmark.Id, new JsonObject { ["text"] = $"answer {i}" }, $"user{i}")); return true; }
            catch (WorkflowConflictException) { return false; }
        })));

        Assert.Equal(1, results.Count(won => won));
        Assert.Single(await _engine.Store.GetJournalAsync(started.Id, default), j => j.Event == JournalEvents.SignalReceived);
    }

    [Theory]
    [InlineData(2000, "High")]
    [InlineData(10, "Low")]
    public async Task Decision_takes_the_path_its_condition_chooses(int amount, string expected)
    {
        await _engine.ImportAsync(Flow("amounts",
            """
            { "id": "start", "type": "Start" },
            { "id": "big", "type": "Decision", "condition": "input.amount > 1000" },
            { "id": "high", "type": "SetVariable", "variable": "band", "value": "'High'" },
            { "id": "low", "type": "SetVariable", "variable": "band", "value": "'Low'" }
            """,
            $"{Wire("start", "Done", "big")}, {Wire("big", "True", "high")}, {Wire("big", "False", "low")}"));

        var instance = await _engine.StartAsync("amounts", new JsonObject { ["amount"] = amount });

        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Equal(expected, instance.Variables["band"]!.GetValue<string>());
    }

    [Fact]
    public async Task Switch_takes_the_first_matching_case_or_default()
    {
        await _engine.ImportAsync(Flow("switch",
            """
            { "id": "start", "type": "Start" },
            { "id": "kind", "type": "Switch", "cases": [ { "name": "Protest", "condition": "input.kind === 'protest'" }, { "name": "Psc", "condition": "input.kind === 'psc'" } ] },
            { "id": "p", "type": "SetVariable", "variable": "route", "value": "'protest'" },
            { "id": "c", "type": "SetVariable", "variable": "route", "value": "'psc'" },
            { "id": "d", "type": "SetVariable", "variable": "route", "value": "'other'" }
            """,
            $"{Wire("start", "Done", "kind")}, {Wire("kind", "Protest", "p")}, {Wire("kind", "Psc", "c")}, {Wire("kind", "Default", "d")}"));

        Assert.Equal("psc", (await _engine.StartAsync("switch", new JsonObject { ["kind"] = "psc" })).Variables["route"]!.GetValue<string>());
        Assert.Equal("other", (await _engine.StartAsync("switch", new JsonObject { ["kind"] = "?" })).Variables["route"]!.GetValue<string>());
    }

    private static string ForkJoin(string id, string mode) => Flow(id,
        $$"""
        { "id": "start", "type": "Start" },
        { "id": "fork", "type": "Fork", "branches": ["A", "B"] },
        { "id": "a", "type": "WaitForSignal", "signal": "a" },
        { "id": "b", "type": "WaitForSignal", "signal": "b" },
        { "id": "join", "type": "Join", "mode": "{{mode}}" },
        { "id": "after", "type": "Log", "message": "joined" },
        { "id": "end", "type": "End" }
        """,
        $"{Wire("start", "Done", "fork")}, {Wire("fork", "A", "a")}, {Wire("fork", "B", "b")}, {Wire("a", "Received", "join")}, {Wire("b", "Received", "join")}, {Wire("join", "Done", "after")}, {Wire("after", "Done", "end")}");

    [Fact]
    public async Task Join_WaitAll_continues_only_after_every_branch()
    {
        await _engine.ImportAsync(ForkJoin("all", "WaitAll"));
        var instance = await _engine.StartAsync("all");
        Assert.Equal(2, (await _engine.BookmarksAsync(instance.Id)).Count);

        instance = await _engine.SignalAsync(instance.Id, "a");
        Assert.Equal(WorkflowStatus.Suspended, instance.Status);
        Assert.DoesNotContain("after", await _engine.CompletedActivitiesAsync(instance.Id));

        instance = await _engine.SignalAsync(instance.Id, "b");
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Single(await _engine.CompletedActivitiesAsync(instance.Id), a => a == "after");
    }

    [Fact]
    public async Task Join_WaitAny_continues_on_the_first_branch_and_cancels_the_other()
    {
        await _engine.ImportAsync(ForkJoin("any", "WaitAny"));
        var instance = await _engine.StartAsync("any");

        instance = await _engine.SignalAsync(instance.Id, "b");

        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Empty(await _engine.BookmarksAsync(instance.Id));
        var journal = await _engine.Store.GetJournalAsync(instance.Id, default);
        Assert.Contains(journal, j => j.Event == JournalEvents.BookmarkCancelled && j.ActivityId == "a");
        await Assert.ThrowsAsync<WorkflowConflictException>(() => _engine.SignalAsync(instance.Id, "a"));
    }

    [Fact]
    public async Task Delay_fires_at_its_due_instant_and_never_before()
    {
        await _engine.ImportAsync(Flow("delay",
            """{ "id": "start", "type": "Start" }, { "id": "wait", "type": "Delay", "duration": "P30D" }, { "id": "end", "type": "End" }""",
            $"{Wire("start", "Done", "wait")}, {Wire("wait", "Done", "end")}"));
        var started = _engine.Clock.GetUtcNow();
        var instance = await _engine.StartAsync("delay");
        var timer = (await _engine.BookmarksAsync(instance.Id)).Single();
        Assert.Equal(started.AddDays(30), timer.DueAt);

        _engine.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await _engine.FireDueTimersAsync());
        Assert.Equal(WorkflowStatus.Suspended, (await _engine.InstanceAsync(instance.Id)).Status);

        _engine.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _engine.FireDueTimersAsync());
        Assert.Equal(WorkflowStatus.Finished, (await _engine.InstanceAsync(instance.Id)).Status);
        Assert.Equal(0, await _engine.FireDueTimersAsync());
    }

    [Fact]
    public async Task A_due_instant_past_the_end_of_the_calendar_faults_the_instance_with_a_readable_incident()
    {
        await _engine.ImportAsync(Flow("late-delay",
            """{ "id": "start", "type": "Start" }, { "id": "wait", "type": "Delay", "duration": "P30D" }, { "id": "end", "type": "End" }""",
            $"{Wire("start", "Done", "wait")}, {Wire("wait", "Done", "end")}"));
        _engine.Clock.SetUtcNow(new DateTimeOffset(9999, 12, 20, 14, 0, 0, TimeSpan.Zero));

        var instance = await _engine.StartAsync("late-delay");

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        var incident = Assert.Single(instance.State.Incidents);
        Assert.Equal(("wait", "P30D after 9999-12-20 14:00 UTC is past 9999-12-31, the last date the calendar holds."), (incident.ActivityId, incident.Message));
        Assert.Empty(await _engine.BookmarksAsync(instance.Id));
    }

    [Fact]
    public async Task WaitForSignal_times_out_onto_its_TimedOut_path()
    {
        await _engine.ImportAsync(Flow("rfi",
            """
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "WaitForSignal", "signal": "filer-response", "timeout": "P30D" },
            { "id": "answered", "type": "SetVariable", "variable": "result", "value": "'answered'" },
            { "id": "silent", "type": "SetVariable", "variable": "result", "value": "'no answer'" }
            """,
            $"{Wire("start", "Done", "wait")}, {Wire("wait", "Received", "answered")}, {Wire("wait", "TimedOut", "silent")}"));
        var instance = await _engine.StartAsync("rfi");

        _engine.Clock.Advance(TimeSpan.FromDays(31));
        await _engine.FireDueTimersAsync();

        instance = await _engine.InstanceAsync(instance.Id);
        Assert.Equal("no answer", instance.Variables["result"]!.GetValue<string>());
        Assert.Empty(await _engine.BookmarksAsync(instance.Id));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => _engine.SignalAsync(instance.Id, "filer-response"));
    }

    [Fact]
    public async Task A_failing_expression_faults_the_instance_and_a_retry_continues_from_the_faulted_activity()
    {
        await _engine.ImportAsync(Flow("faulty",
            """
            { "id": "start", "type": "Start" },
            { "id": "log", "type": "Log", "message": "started" },
            { "id": "check", "type": "Decision", "condition": "case.duties.toFixed(2) > 100" },
            { "id": "yes", "type": "SetVariable", "variable": "large", "value": "true" },
            { "id": "no", "type": "SetVariable", "variable": "large", "value": "false" }
            """,
            $"{Wire("start", "Done", "log")}, {Wire("log", "Done", "check")}, {Wire("check", "True", "yes")}, {Wire("check", "False", "no")}"));
        var caseId = Guid.NewGuid();
        _engine.Cases.Data[caseId] = new JsonObject();

        var instance = await _engine.StartAsync("faulty", caseId: caseId);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        var incident = Assert.Single(instance.State.Incidents);
        Assert.Equal("check", incident.ActivityId);
        Assert.Contains("case.duties.toFixed(2)", incident.Message);

        _engine.Cases.Data[caseId] = new JsonObject { ["duties"] = 250.5 };
        instance = await _engine.Runtime(r => r.RetryAsync(instance.Id, "admin"));

        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.True(instance.Variables["large"]!.GetValue<bool>());
        Assert.Single(await _engine.CompletedActivitiesAsync(instance.Id), a => a == "log");
    }

    [Fact]
    public async Task An_infinite_loop_faults_its_instance_within_the_limit()
    {
        await _engine.ImportAsync(Flow("loop",
            """{ "id": "start", "type": "Start" }, { "id": "spin", "type": "Decision", "condition": "while(true){} ; true" }, { "id": "a", "type": "End" }, { "id": "b", "type": "End" }""",
            $"{Wire("start", "Done", "spin")}, {Wire("spin", "True", "a")}, {Wire("spin", "False", "b")}"));

        var instance = await _engine.StartAsync("loop");

        // The sandbox's statement and time limits stopped the script: the run returned, and said why.
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("was stopped", instance.State.Incidents.Single().Message);
    }

    [Fact]
    public async Task Cancelling_removes_every_bookmark_and_ends_the_instance()
    {
        await _engine.ImportAsync(ForkJoin("cancel", "WaitAll"));
        var instance = await _engine.StartAsync("cancel");

        instance = await _engine.Runtime(r => r.CancelAsync(instance.Id, "supervisor", "filed in error"));

        Assert.Equal(WorkflowStatus.Cancelled, instance.Status);
        Assert.Empty(await _engine.BookmarksAsync(instance.Id));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => _engine.SignalAsync(instance.Id, "a"));
    }

    [Fact]
    public async Task A_running_instance_stays_on_the_version_it_started_with()
    {
        await _engine.ImportAsync(SignalFlow);
        var onV1 = await _engine.StartAsync("filer-answer");
        await _engine.ImportAsync(SignalFlow.Replace("Filer said", "Version two:"));
        var onV2 = await _engine.StartAsync("filer-answer");
        Assert.Equal(1, onV1.DefinitionVersion);
        Assert.Equal(2, onV2.DefinitionVersion);

        await _engine.SignalAsync(onV1.Id, "filer-response", new JsonObject { ["text"] = "x" });
        await _engine.SignalAsync(onV2.Id, "filer-response", new JsonObject { ["text"] = "x" });

        var v1Log = (await _engine.Store.GetJournalAsync(onV1.Id, default)).Single(j => j.Event == JournalEvents.Log);
        var v2Log = (await _engine.Store.GetJournalAsync(onV2.Id, default)).Single(j => j.Event == JournalEvents.Log);
        Assert.Equal("Filer said x", v1Log.Message);
        Assert.Equal("Version two: x", v2Log.Message);
    }

    [Fact]
    public async Task Input_of_the_wrong_type_is_refused_naming_it_and_starts_nothing()
    {
        var json = JsonNode.Parse(Flow("typed", """{ "id": "start", "type": "Start" }, { "id": "end", "type": "End" }""", Wire("start", "Done", "end")))!.AsObject();
        json["inputs"] = JsonNode.Parse("""
            [ { "name": "amount", "type": "number", "required": true }, { "name": "filedOn", "type": "date" }, { "name": "lines", "type": "array" } ]
            """);
        await _engine.ImportAsync(json.ToJsonString());

        var text = await Assert.ThrowsAsync<WorkflowInputException>(() => _engine.StartAsync("typed", new JsonObject { ["amount"] = "many" }));
        Assert.Equal("input.amount", text.Field);
        Assert.Contains("a number", text.Message);
        var date = await Assert.ThrowsAsync<WorkflowInputException>(() => _engine.StartAsync("typed", new JsonObject { ["amount"] = 5, ["filedOn"] = "03/02/2026" }));
        Assert.Equal("input.filedOn", date.Field);
        var list = await Assert.ThrowsAsync<WorkflowInputException>(() => _engine.StartAsync("typed", new JsonObject { ["amount"] = 5, ["lines"] = new JsonObject() }));
        Assert.Equal("input.lines", list.Field);
        Assert.Equal(0, (await _engine.Store.ListInstancesAsync(new(DefinitionId: "typed"), default)).Total);

        var started = await _engine.StartAsync("typed", new JsonObject { ["amount"] = 5, ["filedOn"] = "2026-03-02", ["lines"] = new JsonArray(), ["note"] = "kept" });
        Assert.Equal(WorkflowStatus.Finished, started.Status);
        Assert.Equal("kept", started.Input["note"]!.GetValue<string>());
    }
}
