using System.Collections.Concurrent;

namespace CbpCenters.Engine.Definitions;

/// <summary>A definition indexed for running: nodes by id, connections by source port and by target.</summary>
public sealed class WorkflowGraph
{
    private readonly Dictionary<(string Activity, string Port), List<Connection>> _outbound = [];
    private readonly Dictionary<string, List<Connection>> _inbound = [];
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _ancestors = new();

    public WorkflowGraph(WorkflowDefinition definition)
    {
        Definition = definition;
        Nodes = definition.Root.Activities
            .GroupBy(a => a.Id)
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var connection in definition.Root.Connections)
        {
            var key = (connection.Source.Activity, connection.Source.Port);
            if (!_outbound.TryGetValue(key, out var list)) _outbound[key] = list = [];
            list.Add(connection);
            if (!_inbound.TryGetValue(connection.Target.Activity, out var inList)) _inbound[connection.Target.Activity] = inList = [];
            inList.Add(connection);
        }
    }

    public WorkflowDefinition Definition { get; }
    public IReadOnlyDictionary<string, ActivityNode> Nodes { get; }

    public ActivityNode? Start => Definition.Root.Activities.FirstOrDefault(a => a.Type == "Start");

    public IReadOnlyList<Connection> Outbound(string activityId, string port) =>
        _outbound.TryGetValue((activityId, port), out var list) ? list : [];

    public IReadOnlyList<Connection> Inbound(string activityId) =>
        _inbound.TryGetValue(activityId, out var list) ? list : [];

    /// <summary>Every activity from which <paramref name="activityId"/> can be reached, excluding itself.</summary>
    public IReadOnlySet<string> AncestorsOf(string activityId) => _ancestors.GetOrAdd(activityId, id =>
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>([id]);
        while (stack.TryPop(out var current))
            foreach (var connection in Inbound(current))
                if (seen.Add(connection.Source.Activity)) stack.Push(connection.Source.Activity);
        seen.Remove(id);
        return seen;
    });

    /// <summary>Activities reachable from the start.</summary>
    public IReadOnlySet<string> Reachable()
    {
        var seen = new HashSet<string>();
        if (Start is null) return seen;
        var stack = new Stack<string>([Start.Id]);
        seen.Add(Start.Id);
        while (stack.TryPop(out var current))
            foreach (var ((source, _), list) in _outbound)
                if (source == current)
                    foreach (var c in list)
                        if (seen.Add(c.Target.Activity)) stack.Push(c.Target.Activity);
        return seen;
    }
}
