namespace CbpCenters.Engine.Activities;

/// <summary>Sets a workflow variable to the value of a JavaScript expression.</summary>
public sealed class SetVariableActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "SetVariable", "Set variable", "Data", "Sets a workflow variable to the value of a JavaScript expression.",
        [
            new("variable", PropertyKind.Text, "Name of the variable.", Required: true),
            new("value", PropertyKind.Expression, "JavaScript giving the new value, e.g. outcome.data.reasons", Required: true),
        ],
        ["Done"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var name = context.Node.StringProperty("variable")!;
        context.SetVariable(name, context.Evaluate(context.Node.StringProperty("value")!));
        return ValueTask.FromResult(ActivityResult.Complete("Done"));
    }
}
