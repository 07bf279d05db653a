using System.Text.Json.Nodes;

namespace CbpCenters.Engine.Activities;

/// <summary>
/// Waits for the paths that lead into it. WaitAll continues once every inbound connection has delivered;
/// WaitAny continues on the first and cancels the other paths, including their bookmarks and tasks.
/// </summary>
public sealed class JoinActivity : Activity
{
    public const string WaitAll = "WaitAll";
    public const string WaitAny = "WaitAny";

    public override ActivityDescriptor Descriptor { get; } = new(
        "Join", "Join", "Flow", "Merges parallel paths: WaitAll waits for every path, WaitAny continues on the first and cancels the rest.",
        [new("mode", PropertyKind.Choice, "WaitAll or WaitAny", Options: [WaitAll, WaitAny])],
        ["Done"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if ((context.Node.StringProperty("mode") ?? WaitAll) == WaitAny)
        {
            context.State.Remove("arrived");
            context.CancelBranchesLeadingHere();
            return ValueTask.FromResult(ActivityResult.Complete("Done"));
        }

        var inbound = context.Execution.Graph.Inbound(context.Node.Id)
            .Select(c => $"{c.Source.Activity}.{c.Source.Port}")
            .ToHashSet();
        var arrived = context.State["arrived"] as JsonArray ?? [];
        context.State["arrived"] = arrived;
        var from = $"{context.Item?.FromActivity}.{context.Item?.FromPort}";
        if (!arrived.Any(a => a?.ToString() == from)) arrived.Add(from);
        if (!inbound.All(i => arrived.Any(a => a?.ToString() == i)))
            return ValueTask.FromResult(ActivityResult.Wait());

        context.State.Remove("arrived");
        return ValueTask.FromResult(ActivityResult.Complete("Done"));
    }
}
