using System.Text.Json.Nodes;
using CbpCenters.Engine.Expressions;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Runtime;

namespace CbpCenters.Engine.Activities;

/// <summary>
/// Writes fields of the instance's case (its status, a decision, a computed amount) in the same transaction as
/// the step, so the case page never disagrees with the workflow.
/// </summary>
public sealed class UpdateCaseActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "UpdateCase", "Update case", "Data", "Sets fields of the case from JavaScript expressions, e.g. {\"status\": \"'Denied'\", \"decisionDate\": \"now.substring(0, 10)\"}.",
        [new("set", PropertyKind.Json, "Field → JavaScript expression; 'status' sets the case's status.", Required: true)],
        ["Done"]);

    public override IEnumerable<string> Validate(ActivityNode node)
    {
        if (node.Property("set") is not JsonObject set || set.Count == 0)
        {
            yield return "property 'set' must be an object of field → expression.";
            yield break;
        }
        foreach (var (field, value) in set)
        {
            if (value is not JsonValue v || !v.TryGetValue<string>(out var expression))
                yield return $"set.{field} must be a JavaScript expression (a string).";
            else if (JavaScriptEvaluator.ParseError(expression) is { } error)
                yield return $"set.{field}: expression does not parse: {error}";
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var caseId = context.Instance.CaseId
            ?? throw new InvalidOperationException("This instance works on no case, so there is no case to update.");
        var changes = new JsonObject();
        foreach (var (field, value) in (JsonObject)context.Node.Property("set")!)
            changes[field] = context.Evaluate(value!.GetValue<string>());
        context.UpdateCase(caseId, changes);
        context.Journal(JournalEvents.CaseUpdated, string.Join(", ", changes.Select(c => $"{c.Key} = {c.Value?.ToJsonString() ?? "null"}")));
        return ValueTask.FromResult(ActivityResult.Complete("Done"));
    }
}
