using CbpCenters.Engine.Activities;
using CbpCenters.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using static CbpCenters.Engine.Tests.EngineHarness;

namespace CbpCenters.Engine.Tests.Runtime;

public sealed class BackgroundActivitiesTests : IAsyncLifetime
{
    private readonly FlakyCall _call = new();
    private readonly EngineHarness _engine;

    public BackgroundActivitiesTests()
    {
        _engine = new EngineHarness(services => services.AddSingleton<Activity>(_call));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => _engine.DisposeAsync();

    private Task ImportAsync() => _engine.ImportAsync(Flow("background",
        """
        { "id": "start", "type": "Start" },
        { "id": "call", "type": "FlakyCall", "runInBackground": true },
        { "id": "after", "type": "SetVariable", "variable": "done", "value": "true" }
        """,
        $"{Wire("start", "Done", "call")}, {Wire("call", "Done", "after")}"));

    private Task<WorkflowInstance> AttemptAsync(Guid bookmarkId, int attempt, bool final) =>
        _engine.Runtime(r => r.ResumeAsync(bookmarkId, BackgroundActivities.Attempt(attempt, final), "background"));

    [Fact]
    public async Task A_background_activity_is_parked_then_run_by_its_job_and_the_flow_continues()
    {
        await ImportAsync();
        var instance = await _engine.StartAsync("background");
        Assert.Equal(0, _call.Calls);
        var parked = Assert.Single(await _engine.BookmarksAsync(instance.Id));
        Assert.Equal(BookmarkKinds.Background, parked.Kind);

        instance = await AttemptAsync(parked.Id, 1, final: false);

        Assert.Equal(1, _call.Calls);
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.True(instance.Variables["done"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Failed_attempts_before_the_last_save_nothing_and_can_be_retried()
    {
        await ImportAsync();
        _call.FailuresLeft = 2;
        var instance = await _engine.StartAsync("background");
        var parked = Assert.Single(await _engine.BookmarksAsync(instance.Id));

        await Assert.ThrowsAsync<BackgroundAttemptFailedException>(() => AttemptAsync(parked.Id, 1, final: false));
        await Assert.ThrowsAsync<BackgroundAttemptFailedException>(() => AttemptAsync(parked.Id, 2, final: false));
        Assert.Equal(WorkflowStatus.Suspended, (await _engine.InstanceAsync(instance.Id)).Status);
        Assert.Single(await _engine.BookmarksAsync(instance.Id));

        instance = await AttemptAsync(parked.Id, 3, final: false);
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Equal(3, _call.Calls);
    }

    [Fact]
    public async Task The_last_attempts_failure_becomes_an_incident_that_a_retry_can_clear()
    {
        await ImportAsync();
        _call.FailuresLeft = 5;
        var instance = await _engine.StartAsync("background");
        var parked = Assert.Single(await _engine.BookmarksAsync(instance.Id));

        instance = await AttemptAsync(parked.Id, 4, final: true);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("the ACE gateway timed out", Assert.Single(instance.State.Incidents).Message);
        _call.FailuresLeft = 0;
        instance = await _engine.Runtime(r => r.RetryAsync(instance.Id, "admin"));
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
    }

    [Fact]
    public async Task When_the_job_is_lost_the_sweeper_runs_the_activity_after_its_lease()
    {
        await ImportAsync();
        var instance = await _engine.StartAsync("background");

        _engine.Clock.Advance(BackgroundActivities.Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await _engine.FireDueTimersAsync());
        _engine.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _engine.FireDueTimersAsync());

        Assert.Equal(WorkflowStatus.Finished, (await _engine.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task Only_activities_that_complete_on_their_own_may_run_in_the_background()
    {
        var validator = _engine.Services.GetRequiredService<CbpCenters.Engine.Definitions.DefinitionValidator>();
        var errors = validator.Validate(CbpCenters.Engine.Definitions.DefinitionJson.Parse(Flow("bad",
            """{ "id": "start", "type": "Start" }, { "id": "wait", "type": "WaitForSignal", "signal": "x", "runInBackground": true }""",
            Wire("start", "Done", "wait"))));
        Assert.Contains(errors, e => e.ActivityId == "wait" && e.Rule == "background");
        await Task.CompletedTask;
    }

    /// <summary>A call to an outside system that fails a given number of times, then works.</summary>
    private sealed class FlakyCall : Activity
    {
        public int FailuresLeft { get; set; }
        public int Calls { get; private set; }

        public override ActivityDescriptor Descriptor { get; } = new("FlakyCall", "Flaky call", "Test", "Fails, then works.", [], ["Done"]);

        public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
        {
            Calls++;
            if (FailuresLeft-- > 0) throw new InvalidOperationException("the ACE gateway timed out");
            return ValueTask.FromResult(ActivityResult.Complete("Done"));
        }
    }
}
