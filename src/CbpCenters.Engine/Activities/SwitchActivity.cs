using System.Text.Json.Nodes;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Expressions;

namespace CbpCenters.Engine.Activities;

/// <summary>Takes the path of the first case whose condition holds, or Default.</summary>
public sealed class SwitchActivity : Activity
{
    public const string Default = "Default";

    public override ActivityDescriptor Descriptor { get; } = new(
        "Switch", "Switch", "Flow", "Chooses the path of the first case whose JavaScript condition is true; otherwise Default.",
        [new("cases", PropertyKind.Json, "Cases in order: [{\"name\": \"Late\", \"condition\": \"...\"}]", Required: true)],
        [Default]) { IsBranching = true, HasDynamicOutcomes = true };

    public override IReadOnlyList<string> OutcomesOf(ActivityNode node) => [.. Cases(node).Select(c => c.Name), Default];

    public override IEnumerable<string> Validate(ActivityNode node)
    {
        if (node.Property("cases") is not JsonArray array || array.Count == 0)
        {
            yield return "property 'cases' must be a non-empty list of {name, condition}.";
            yield break;
        }
        var cases = Cases(node);
        foreach (var c in cases.Where(c => string.IsNullOrWhiteSpace(c.Name) || c.Name == Default))
            yield return $"case names must be non-empty and not '{Default}'.";
        foreach (var g in cases.GroupBy(c => c.Name).Where(g => g.Count() > 1))
            yield return $"case '{g.Key}' appears more than once.";
        foreach (var c in cases)
            if (JavaScriptEvaluator.ParseError(c.Condition) is { } error)
                yield return $"case '{c.Name}': expression does not parse: {error}";
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        foreach (var c in Cases(context.Node))
            if (context.EvaluateBoolean(c.Condition))
                return ValueTask.FromResult(ActivityResult.Complete(c.Name));
        return ValueTask.FromResult(ActivityResult.Complete(Default));
    }

    private static List<(string Name, string Condition)> Cases(ActivityNode node) =>
        node.Property("cases") is JsonArray array
            ? [.. array.OfType<JsonObject>().Select(c => (c["name"]?.ToString() ?? "", c["condition"]?.ToString() ?? "false"))]
            : [];
}
