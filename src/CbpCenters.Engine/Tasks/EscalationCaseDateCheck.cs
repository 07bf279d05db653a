using CbpCenters.Engine.Activities;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Notices;

namespace CbpCenters.Engine.Tasks;

/// <summary>
/// The publish-time check of escalation steps placed on a date of the case (<c>case.decisionLimit-P40BD</c>):
/// the definition's kind of case must have that field, or the step would never be scheduled.
/// </summary>
public sealed class EscalationCaseDateCheck(INoticeModelSchema? schema = null) : IDefinitionRule
{
    public const string Rule = "escalation-case-date";

    public IEnumerable<DefinitionError> Check(WorkflowDefinition definition)
    {
        if (definition.CaseKind is not { } kind || schema?.FieldsOf("case", kind) is not { } fields) yield break;
        foreach (var node in definition.Root.Activities.Where(a => a.Type == HumanTaskActivity.TypeName))
        {
            if (node.Property("escalation") is not System.Text.Json.Nodes.JsonArray steps) continue;
            for (var i = 0; i < steps.Count; i++)
            {
                if (EscalationMoment.TryParse(steps[i]?["at"]?.ToString(), out var at, out _)
                    && at.Anchor == EscalationMoment.Case && !fields.Contains(at.Field!))
                    yield return new DefinitionError(node.Id, Rule,
                        $"escalation step {i + 1} counts from case.{at.Field}, but a {kind} case has no field '{at.Field}'.");
            }
        }
    }
}
