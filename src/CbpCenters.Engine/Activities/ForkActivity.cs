using System.Text.Json.Nodes;
using CbpCenters.Engine.Definitions;

namespace CbpCenters.Engine.Activities;

/// <summary>Starts every named branch at once.</summary>
public sealed class ForkActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "Fork", "Fork", "Flow", "Runs the named branches in parallel; a Join brings them back together.",
        [new("branches", PropertyKind.StringList, "Branch names, e.g. [\"Review\", \"Deadline\"]", Required: true)],
        []) { IsBranching = true, HasDynamicOutcomes = true };

    public override IReadOnlyList<string> OutcomesOf(ActivityNode node) =>
        node.Property("branches") is JsonArray a ? [.. a.Select(b => b?.ToString() ?? "").Where(b => b.Length > 0)] : [];

    public override IEnumerable<string> Validate(ActivityNode node)
    {
        var branches = OutcomesOf(node);
        if (branches.Count < 2) yield return "property 'branches' must name at least two branches.";
        foreach (var g in branches.GroupBy(b => b).Where(g => g.Count() > 1))
            yield return $"branch '{g.Key}' appears more than once.";
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Complete([.. OutcomesOf(context.Node)]));
}
