namespace CbpCenters.Engine.Activities;

/// <summary>Where every flowchart begins.</summary>
public sealed class StartActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "Start", "Start", "Flow", "Where the workflow begins.", [], ["Done"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Complete("Done"));
}
