using CbpCenters.Engine.Definitions;

namespace CbpCenters.Server.Ui;

public sealed record DiagramNode(string Id, string Type, double X, double Y, bool Waiting, bool Current);
public sealed record DiagramEdge(string Path, string Label, double LabelX, double LabelY);
public sealed record Diagram(IReadOnlyList<DiagramNode> Nodes, IReadOnlyList<DiagramEdge> Edges, double Width, double Height);

/// <summary>
/// A read-only picture of a flowchart: each activity at the position the designer gave it, each connection a
/// curve from the source's outcome port to the target, labelled with the outcome. Activities the instance waits
/// at (open bookmarks) are marked; the one this page is about is marked more strongly.
/// </summary>
public static class DiagramLayout
{
    public const double NodeWidth = 150;
    public const double NodeHeight = 52;
    private const double Margin = 24;

    public static Diagram Build(WorkflowDefinition definition, IReadOnlySet<string> waiting, string? current)
    {
        var activities = definition.Root.Activities;
        // An activity without a designer position goes in a row below the placed ones.
        var placed = activities.Where(a => a.Designer is not null).ToList();
        var belowY = placed.Count == 0 ? 0 : placed.Max(a => a.Designer!.Y) + NodeHeight * 2;
        var unplaced = 0;
        var raw = new List<(string Id, string Type, double X, double Y)>();
        foreach (var a in activities)
            raw.Add(a.Designer is { } at ? (a.Id, a.Type, at.X, at.Y) : (a.Id, a.Type, unplaced++ * (NodeWidth + 50), belowY));
        var minX = raw.Count == 0 ? 0 : raw.Min(n => n.X);
        var minY = raw.Count == 0 ? 0 : raw.Min(n => n.Y);
        var nodes = raw.Select(n => new DiagramNode(n.Id, n.Type, n.X - minX + Margin, n.Y - minY + Margin + 12,
            waiting.Contains(n.Id), n.Id == current)).ToList();
        var byId = nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First());

        var edges = new List<DiagramEdge>();
        foreach (var c in definition.Root.Connections)
        {
            if (!byId.TryGetValue(c.Source.Activity, out var from) || !byId.TryGetValue(c.Target.Activity, out var to)) continue;
            double sx = from.X + NodeWidth, sy = from.Y + NodeHeight / 2, tx = to.X, ty = to.Y + NodeHeight / 2;
            var bend = Math.Max(40, Math.Abs(tx - sx) / 2);
            var path = FormattableString.Invariant($"M {sx:0.#} {sy:0.#} C {sx + bend:0.#} {sy:0.#}, {tx - bend:0.#} {ty:0.#}, {tx:0.#} {ty:0.#}");
            edges.Add(new DiagramEdge(path, c.Source.Port is "Done" ? "" : c.Source.Port, (sx + tx) / 2, (sy + ty) / 2 - 6));
        }
        var width = nodes.Count == 0 ? 200 : nodes.Max(n => n.X) + NodeWidth + Margin;
        var height = nodes.Count == 0 ? 80 : nodes.Max(n => n.Y) + NodeHeight + Margin;
        return new Diagram(nodes, edges, width, height);
    }
}
