using System.Text.Json.Nodes;
using CbpCenters.Engine.Activities;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Notices;

namespace CbpCenters.Engine.Tasks;

/// <summary>
/// The publish-time check of escalation steps placed on a date of the case (<c>case.decisionLimit-P40BD</c>): the
/// definition must name its kind of case, and that kind must have the field, or the step would never be scheduled.
/// </summary>
public sealed class EscalationCaseDateCheck(INoticeModelSchema? schema = null) : IDefinitionRule
{
    public const string Rule = "escalation-case-date";

    public IEnumerable<DefinitionError> Check(WorkflowDefinition definition)
    {
        var kind = definition.CaseKind;
        var fields = kind is null ? null : schema?.FieldsOf("case", kind);
        foreach (var node in definition.Root.Activities.Where(a => a.Type == HumanTaskActivity.TypeName))
        {
            if (node.Property("escalation") is not JsonArray steps) continue;
            for (var i = 0; i < steps.Count; i++)
            {
                if (!EscalationMoment.TryParse(steps[i]?["at"]?.ToString(), out var at, out _) || at.Anchor != EscalationMoment.Case) continue;
                if (kind is null)
                    yield return new DefinitionError(node.Id, Rule,
                        $"escalation step {i + 1} counts from case.{at.Field}, but the definition names no caseKind, so it has no case to read.");
                else if (fields is not null && !fields.Contains(at.Field!))
                    yield return new DefinitionError(node.Id, Rule,
                        $"escalation step {i + 1} counts from case.{at.Field}, but a {kind} case has no field '{at.Field}'.");
            }
        }
    }
}
