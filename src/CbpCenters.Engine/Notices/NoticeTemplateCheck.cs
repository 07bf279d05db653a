using CbpCenters.Engine.Activities;
using CbpCenters.Engine.Definitions;

namespace CbpCenters.Engine.Notices;

/// <summary>
/// The publish-time check of notices: every field a template reads must exist in the model the notice will
/// be composed over, or publishing names the template and the field ("protest-decision: field 'case.reasonz'
/// does not exist"). Names the template binds itself (for, assign, capture) are not model fields.
/// </summary>
public sealed class NoticeTemplateCheck(NoticeTemplates templates, INoticeModelSchema schema) : IDefinitionRule
{
    IEnumerable<DefinitionError> IDefinitionRule.Check(WorkflowDefinition definition) => Check(definition, definition.CaseKind);

    public const string Rule = "notice-field";

    /// <summary>
    /// Checks the template of every SendEmail activity of <paramref name="definition"/> against the fields of a
    /// case of <paramref name="caseKind"/> (null: case fields are not checked) and the definition's own
    /// variables, inputs and activity outputs. An unknown template is left to <see cref="SendEmailActivity.Validate"/>.
    /// </summary>
    public IReadOnlyList<DefinitionError> Check(WorkflowDefinition definition, string? caseKind)
    {
        var fields = FieldsFor(definition, caseKind);
        var errors = new List<DefinitionError>();
        foreach (var node in definition.Root.Activities.Where(a => a.Type == SendEmailActivity.TypeName))
        {
            if (node.StringProperty(SendEmailActivity.TemplateProperty) is not { } template || templates.Find(template) is null)
                continue;
            errors.AddRange(CheckTemplate(template, fields).Select(message => new DefinitionError(node.Id, Rule, message)));
        }
        return errors;
    }

    /// <summary>
    /// What a notice composed by <paramref name="definition"/> can read. With <paramref name="withTask"/> the
    /// model also has <c>task</c>, as for the notices a HumanTask sends (assigned, reminder, escalations), and
    /// <c>handover</c>, set when someone hands the task to another person.
    /// </summary>
    public NoticeFieldSet FieldsFor(WorkflowDefinition definition, string? caseKind, bool withTask = false)
    {
        var fields = new NoticeFieldSet()
            .With("case", schema.FieldsOf("case", caseKind))
            .With("instance", schema.FieldsOf("instance", caseKind))
            .With("outcome", schema.FieldsOf("outcome", caseKind))
            .With("variables", Open(definition.Variables.Select(v => v.Name)))
            .With("input", Open(definition.Inputs.Select(i => i.Name)))
            .With("outputs", Open(definition.Root.Activities.Select(a => a.Id)))
            .With("now", new HashSet<string>())
            .With("today", new HashSet<string>());
        return withTask ? fields.With("task", schema.FieldsOf("task", caseKind)).With("handover", new HashSet<string>()) : fields;
    }

    /// <summary>One message per missing field of <paramref name="template"/>, in the order the template reads them.</summary>
    public IReadOnlyList<string> CheckTemplate(string template, NoticeFieldSet fields)
    {
        var notice = templates.Get(template);
        var read = notice.Parts.SelectMany(p => LiquidReferences.Of(p).ModelPaths)
            .Concat(notice.Requires.Select(r => (IReadOnlyList<string>)r.Split('.')));
        return [.. read
            .Select(fields.Missing)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Select(missing => $"{template}: field '{missing}' does not exist")];
    }

    /// <summary>Each name, and anything beneath it (a variable's or output's shape is not declared).</summary>
    private static HashSet<string> Open(IEnumerable<string> names) =>
        [.. names.Where(n => n.Length > 0).SelectMany(n => new[] { n, n + "." + NoticeFieldSet.Anything })];
}
