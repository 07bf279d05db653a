using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CbpCenters.Engine.Activities;
using CbpCenters.Engine.Calendar;
using CbpCenters.Engine.Expressions;

namespace CbpCenters.Engine.Definitions;

/// <summary>A design error, naming the activity (when there is one) and the rule it breaks.</summary>
public sealed record DefinitionError(string? ActivityId, string Rule, string Message)
{
    public override string ToString() => ActivityId is null ? Message : $"{ActivityId}: {Message}";
}

/// <summary>Checks a definition before it can be published: everything a runner would otherwise trip over.</summary>
public sealed partial class DefinitionValidator(ActivityRegistry registry, IEnumerable<IDefinitionRule> rules)
{
    public const string InPort = "In";

    public IReadOnlyList<DefinitionError> Validate(WorkflowDefinition definition)
    {
        var errors = new List<DefinitionError>();
        void Add(string? activity, string rule, string message) => errors.Add(new(activity, rule, message));

        if (!IsDefinitionId(definition.DefinitionId))
            Add(null, "definition-id", DefinitionIdRule);
        if (string.IsNullOrWhiteSpace(definition.Name))
            Add(null, "name", "name is required.");
        if (definition.Root.Type != "Flowchart")
            Add(null, "root", $"root.type must be Flowchart, not '{definition.Root.Type}'.");
        foreach (var duplicate in definition.Variables.GroupBy(v => v.Name).Where(g => g.Count() > 1))
            Add(null, "duplicate-variable", $"variable '{duplicate.Key}' is declared more than once.");
        foreach (var duplicate in definition.Inputs.GroupBy(i => i.Name).Where(g => g.Count() > 1))
            Add(null, "duplicate-input", $"input '{duplicate.Key}' is declared more than once.");
        foreach (var input in definition.Inputs.Where(i => !InputTypes.All.Contains(i.Type)))
            Add(null, "input-type", $"input '{input.Name}' has type '{input.Type}'; the types are {string.Join(", ", InputTypes.All)}.");

        var activities = definition.Root.Activities;
        foreach (var node in activities.Where(a => string.IsNullOrWhiteSpace(a.Id)))
            Add(null, "activity-id", $"an activity of type '{node.Type}' has no id.");
        foreach (var duplicate in activities.GroupBy(a => a.Id).Where(g => g.Key.Length > 0 && g.Count() > 1))
            Add(duplicate.Key, "duplicate-id", $"activity id '{duplicate.Key}' is used by {duplicate.Count()} activities.");

        var starts = activities.Count(a => a.Type == "Start");
        if (starts != 1)
            Add(null, "start", $"a flowchart needs exactly one Start activity; this one has {starts}.");

        var graph = new WorkflowGraph(definition);
        foreach (var node in activities)
        {
            var activity = registry.Find(node.Type);
            if (activity is null)
            {
                Add(node.Id, "unknown-type", $"unknown activity type '{node.Type}'.");
                continue;
            }
            foreach (var property in activity.Descriptor.Properties)
                CheckProperty(node, property, Add);
            foreach (var (name, value) in node.Properties)
                if (value is JsonObject o && o["expression"] is JsonValue e && e.TryGetValue<string>(out var code)
                    && JavaScriptEvaluator.ParseError(code) is { } error)
                    Add(node.Id, "expression", $"property '{name}': expression does not parse: {error}");
            foreach (var message in activity.Validate(node))
                Add(node.Id, "property", message);
            if (Runtime.BackgroundActivities.IsBackground(node)
                && (activity.Descriptor.IsBlocking || activity.Descriptor.IsBranching || node.Type is "Start" or "End" or "Join"))
                Add(node.Id, "background", $"{node.Type} cannot run in the background: only activities that do their work and complete can.");
        }

        foreach (var connection in definition.Root.Connections)
        {
            if (!graph.Nodes.TryGetValue(connection.Source.Activity, out var source))
            {
                Add(connection.Source.Activity, "missing-activity", $"connection {connection} starts at activity '{connection.Source.Activity}', which does not exist.");
                continue;
            }
            if (!graph.Nodes.ContainsKey(connection.Target.Activity))
                Add(source.Id, "missing-activity", $"connection {connection} leads to activity '{connection.Target.Activity}', which does not exist.");
            else if (connection.Target.Port != InPort)
                Add(connection.Target.Activity, "missing-port", $"connection {connection} enters port '{connection.Target.Port}'; activities have one input port, 'In'.");
            if (registry.Find(source.Type) is { } sourceActivity && !sourceActivity.OutcomesOf(source).Contains(connection.Source.Port))
                Add(source.Id, "missing-port", $"connection {connection} leaves port '{connection.Source.Port}', which {source.Type} '{source.Id}' does not have (it has: {string.Join(", ", sourceActivity.OutcomesOf(source).DefaultIfEmpty("none"))}).");
        }

        if (starts == 1)
        {
            var reachable = graph.Reachable();
            foreach (var node in activities.Where(a => a.Id.Length > 0 && !reachable.Contains(a.Id)))
                Add(node.Id, "unreachable", $"no path from Start reaches activity '{node.Id}'.");
        }

        foreach (var node in activities)
        {
            if (registry.Find(node.Type) is not { } activity || !activity.Descriptor.IsBranching) continue;
            foreach (var outcome in activity.OutcomesOf(node).Where(o => graph.Outbound(node.Id, o).Count == 0))
                Add(node.Id, "unwired-outcome", $"outcome '{outcome}' of {node.Type} '{node.Id}' is not connected to anything.");
        }
        foreach (var rule in rules)
            errors.AddRange(rule.Check(definition));
        return errors;
    }

    private static void CheckProperty(ActivityNode node, PropertyDescriptor property, Action<string?, string, string> add)
    {
        var value = node.Property(property.Name);
        if (value is null)
        {
            if (property.Required) add(node.Id, "required-property", $"property '{property.Name}' is required.");
            return;
        }
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        switch (property.Kind)
        {
            case PropertyKind.Expression when text is not null && JavaScriptEvaluator.ParseError(text) is { } error:
                add(node.Id, "expression", $"property '{property.Name}': expression does not parse: {error}");
                break;
            case PropertyKind.Template when text is not null && LiquidRenderer.ParseError(text) is { } error:
                add(node.Id, "template", $"property '{property.Name}': template does not parse: {error}");
                break;
            case PropertyKind.Duration when text is not null && !WorkDuration.TryParse(text, out _, out var error):
                add(node.Id, "duration", $"property '{property.Name}': {error}");
                break;
            case PropertyKind.Choice when text is not null && property.Options is { } options && !options.Contains(text):
                add(node.Id, "choice", $"property '{property.Name}' must be one of {string.Join(", ", options)}, not '{text}'.");
                break;
            case PropertyKind.Text or PropertyKind.Template or PropertyKind.Expression or PropertyKind.Duration or PropertyKind.Choice
                when text is null && value is not JsonObject:
                add(node.Id, "property-type", $"property '{property.Name}' must be a string.");
                break;
        }
    }

    public const string DefinitionIdRule = "definitionId must be lower-case letters, digits and dashes, e.g. protest-review.";

    /// <summary>Whether <paramref name="id"/> can name a definition: it is part of every definition route, so it must be safe in a URL.</summary>
    public static bool IsDefinitionId(string? id) => id is not null && DefinitionIdPattern().IsMatch(id);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,99}\z")]
    private static partial Regex DefinitionIdPattern();
}
