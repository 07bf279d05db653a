namespace CbpCenters.Engine.Activities;

/// <summary>Takes the True or the False path depending on a JavaScript condition.</summary>
public sealed class DecisionActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "Decision", "Decision", "Flow", "Chooses the True or False path with a JavaScript condition.",
        [new("condition", PropertyKind.Expression, "JavaScript that yields true or false, e.g. case.acceleratedDisposition === true", Required: true)],
        ["True", "False"]) { IsBranching = true };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var condition = context.Node.StringProperty("condition")!;
        return ValueTask.FromResult(ActivityResult.Complete(context.EvaluateBoolean(condition) ? "True" : "False"));
    }
}
