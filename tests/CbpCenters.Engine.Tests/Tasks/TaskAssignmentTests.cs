using CbpCenters.Engine.Tasks;
using static CbpCenters.Engine.Tests.Tasks.TaskScenario;

namespace CbpCenters.Engine.Tests.Tasks;

public sealed class TaskAssignmentTests : IAsyncLifetime
{
    private readonly TaskScenario _centers = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => _centers.DisposeAsync();

    private Task ImportAsync(string id, string strategy, string candidates, string assignee = "") =>
        _centers.ImportAsync(TaskFlow(id, $$"""
            "title": "Validate entry summary", {{assignee}} "strategy": "{{strategy}}", "candidates": {{candidates}}, "outcomes": {{ReviewOutcomes}}
            """));

    /// <summary>Starts <paramref name="count"/> instances a minute apart and returns who received each task, in order.</summary>
    private async Task<List<string?>> AssigneesAsync(string id, int count, string center = Phc)
    {
        var assignees = new List<string?>();
        for (var i = 0; i < count; i++)
        {
            _centers.Clock.Advance(TimeSpan.FromMinutes(1));
            var instance = await _centers.StartAsync(id, center);
            assignees.Add((await _centers.TaskOfAsync(instance.Id)).Assignee);
        }
        return assignees;
    }

    [Theory]
    [InlineData(Phc, "core", "ana,ben,cho")]
    [InlineData(Phc, "matrix", "eli,ivy")]
    [InlineData(Phc, "either", "ana,ben,cho,eli,ivy")]
    [InlineData(Ele, "matrix", "hal")]
    [InlineData(Ele, "core", "gus")]
    public async Task A_task_lands_only_with_eligible_staff_of_its_Center_and_pool(string center, string pool, string expected)
    {
        await ImportAsync("pooled", "least-loaded", $$"""{ "roles": ["ImportSpecialist", "Paralegal"], "pool": "{{pool}}" }""");

        var assignees = await AssigneesAsync("pooled", 10, center);

        Assert.Equal(expected.Split(','), assignees.Distinct().Order());
    }

    [Fact]
    public async Task Round_robin_takes_turns_in_user_name_order_after_the_last_assignee()
    {
        await ImportAsync("turns", "round-robin", """{ "roles": ["ImportSpecialist"], "pool": "core" }""");

        var assignees = await AssigneesAsync("turns", 10);

        Assert.Equal(["ana", "ben", "cho", "ana", "ben", "cho", "ana", "ben", "cho", "ana"], assignees);
    }

    [Fact]
    public async Task Least_loaded_fills_the_lightest_inbox_first_and_breaks_ties_by_user_name()
    {
        await ImportAsync("named", "claim", """{ "roles": ["ImportSpecialist"] }""", "\"assignee\": \"{{ input.to }}\",");
        foreach (var to in new[] { "ana", "ana", "cho" })
            await _centers.StartAsync("named", input: new() { ["to"] = to });
        await ImportAsync("lightest", "least-loaded", """{ "roles": ["ImportSpecialist"], "pool": "core" }""");

        var assignees = await AssigneesAsync("lightest", 10);

        // Open tasks before: ana 2, ben 0, cho 1.
        Assert.Equal(["ben", "ben", "cho", "ana", "ben", "cho", "ana", "ben", "cho", "ana"], assignees);
        Assert.Equal((3, 4, 3), (assignees.Count(a => a == "ana"), assignees.Count(a => a == "ben"), assignees.Count(a => a == "cho")));
    }

    [Fact]
    public async Task Claim_leaves_the_task_in_the_queue_without_a_notice()
    {
        await ImportAsync("queue", "claim", """{ "roles": ["ImportSpecialist"] }""");

        var instance = await _centers.StartAsync("queue");

        var task = await _centers.TaskOfAsync(instance.Id);
        Assert.Equal(((string?)null, HumanTaskStatus.Unassigned), (task.Assignee, task.Status));
        Assert.Equal(["Created"], await _centers.HistoryAsync(task.Id));
        Assert.Empty(_centers.Store.Outbox);
    }

    [Fact]
    public async Task Out_of_office_staff_are_skipped_and_their_substitute_takes_their_place_in_the_rotation()
    {
        // dee is an Entry Specialist: not eligible herself, but standing in for ana she receives ana's share.
        _centers.SetPerson(_centers.People["ana"] with { OutOfOffice = true, Substitute = "dee" });
        await ImportAsync("turns", "round-robin", """{ "roles": ["ImportSpecialist"], "pool": "core" }""");

        var assignees = await AssigneesAsync("turns", 4);

        Assert.Equal(["ben", "cho", "dee", "ben"], assignees);
        var standIn = (await _centers.Store.Tasks.QueryAsync(new TaskQuery(_centers.Actor("dee").Viewer, TaskView.Mine), default)).Items.Single();
        Assert.Contains("dee", standIn.CandidateUsers);
        Assert.Contains(await _centers.Store.Tasks.GetHistoryAsync(standIn.Id, default), e => e.Kind == "Assigned" && e.Detail!.Contains("standing in for ana"));
    }

    [Theory]
    [InlineData(false, null, "ana")]
    [InlineData(true, "ben", "ben")]
    [InlineData(true, null, null)]
    [InlineData(true, "eli", null)] // a matrix Paralegal never receives a core task, not even as a stand-in
    public async Task A_named_assignee_out_of_office_hands_the_task_to_their_substitute(bool outOfOffice, string? substitute, string? expected)
    {
        _centers.SetPerson(_centers.People["ana"] with { OutOfOffice = outOfOffice, Substitute = substitute });
        await ImportAsync("named", "round-robin", """{ "roles": ["ImportSpecialist"], "pool": "core" }""", "\"assignee\": \"ana\",");

        var instance = await _centers.StartAsync("named");

        var task = await _centers.TaskOfAsync(instance.Id);
        Assert.Equal(expected, task.Assignee);
        Assert.Equal(expected is null ? HumanTaskStatus.Unassigned : HumanTaskStatus.Assigned, task.Status);
        string[] notified = expected is null ? [] : [Email(expected)];
        Assert.Equal(notified, _centers.Store.Outbox.SelectMany(m => m.To));
    }

    [Fact]
    public async Task An_excluded_user_is_never_chosen_by_a_strategy()
    {
        await ImportAsync("four-eyes", "round-robin", """{ "roles": ["ImportSpecialist"], "pool": "core", "excludedUsers": ["ana", "cho"] }""");

        var assignees = await AssigneesAsync("four-eyes", 3);

        Assert.Equal(["ben", "ben", "ben"], assignees);
    }
}
