namespace CbpCenters.Engine.Activities;

/// <summary>Ends the path that reaches it; the instance finishes when no path is left running or waiting.</summary>
public sealed class EndActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "End", "End", "Flow", "Ends this path of the workflow.", [], []);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Complete());
}
