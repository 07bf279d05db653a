using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Notices;
using static CbpCenters.Engine.Tests.EngineHarness;

namespace CbpCenters.Engine.Tests.Notices;

public sealed class NoticeTemplateCheckTests
{
    private static readonly NoticeModelSchema Schema = new(NoticeSamples.CaseSamples());

    private static WorkflowDefinition Sending(string template, string variables = "[]") => DefinitionJson.Parse(Flow("notify",
        $$"""
        { "id": "start", "type": "Start" },
        { "id": "notify", "type": "SendEmail", "to": ["filer"], "template": "{{template}}" },
        { "id": "end", "type": "End" }
        """,
        $"{Wire("start", "Done", "notify")}, {Wire("notify", "Done", "end")}", variables));

    private static NoticeTemplateCheck CheckOf(string name, string content) =>
        new(NoticeTemplates.FromFiles([(name + ".liquid", content)], "test"), Schema);

    [Fact]
    public void A_field_the_case_does_not_have_is_reported_with_the_template_and_the_field()
    {
        var check = CheckOf("protest-decision", """
            subject: Decision on {{ case.protestNumber }}
            --- text ---
            Denied because {{ case.reasonz }}.
            --- html ---
            <p>Denied because {{ case.reasonz | line_breaks }}.</p>
            """);

        var error = Assert.Single(check.Check(Sending("protest-decision"), "protest"));

        Assert.Equal("notify", error.ActivityId);
        Assert.Equal(NoticeTemplateCheck.Rule, error.Rule);
        Assert.Equal("protest-decision: field 'case.reasonz' does not exist", error.Message);
    }

    [Fact]
    public void Names_bound_by_for_assign_and_capture_are_not_fields()
    {
        var check = CheckOf("entries", """
            subject: {% assign number = case.protestNumber %}Protest {{ number }}
            --- text ---
            {% for entry in case.entryNumbers %}{{ forloop.index }}. {{ entry.size }} {{ entry }}{% endfor %}
            {% capture line %}{{ case.importerName }}{% endcapture %}{{ line | upcase }}
            {% assign first = case.entryNumbers.first %}{{ first }} of {{ case.entryNumbers.size }}
            {% if case.filerName == empty %}{{ case["importerNumber"] }}{% endif %}
            """);

        Assert.Empty(check.Check(Sending("entries"), "protest"));
    }

    [Fact]
    public void Fields_read_inside_loops_conditions_filters_and_requires_are_checked()
    {
        var check = CheckOf("deep", """
            subject: S
            requires: case.protestNumbr
            --- text ---
            {% for e in case.entryNumbrs %}{{ e }}{% endfor %}
            {% if case.decisionLimt %}x{% endif %}
            {{ case.filerName | default: case.importerNam }}
            {% case variables.verdict %}{% when "a" %}a{% endcase %}
            """);

        var messages = check.Check(Sending("deep"), "protest").Select(e => e.Message).ToList();

        Assert.Equal(
        [
            "deep: field 'case.entryNumbrs' does not exist",
            "deep: field 'case.decisionLimt' does not exist",
            "deep: field 'case.importerNam' does not exist",
            "deep: field 'variables.verdict' does not exist",
            "deep: field 'case.protestNumbr' does not exist",
        ], messages);
    }

    [Fact]
    public void Declared_variables_inputs_and_outputs_are_fields_and_an_unknown_root_is_not()
    {
        var check = CheckOf("model", """
            subject: S
            --- text ---
            {{ variables.decision }} {{ variables.reasons.text }} {{ input.protestId }} {{ outputs.notify.outboxId }}
            {{ instance.centerCode }} {{ outcome.data.reasons }} {{ now | long_date }} {{ instance.region }} {{ casee.protestNumber }}
            """);
        var definition = Sending("model", """[ { "name": "decision" }, { "name": "reasons", "type": "object" } ]""");
        definition.Inputs.Add(new InputDefinition { Name = "protestId" });

        var messages = check.Check(definition, "protest").Select(e => e.Message).ToList();

        Assert.Equal(["model: field 'instance.region' does not exist", "model: field 'casee' does not exist"], messages);
    }

    [Fact]
    public void Without_a_case_kind_case_fields_are_not_checked()
    {
        var check = CheckOf("any", "subject: S\n--- text ---\n{{ case.anything.at.all }}");
        Assert.Empty(check.Check(Sending("any"), caseKind: null));
    }

    [Fact]
    public void A_task_notice_sent_by_SendEmail_has_no_task_to_read()
    {
        var check = new NoticeTemplateCheck(NoticeSamples.Templates, Schema);

        var errors = check.Check(Sending("task-assigned"), "protest");

        Assert.Equal(["task-assigned: field 'task' does not exist", "task-assigned: field 'handover' does not exist"], errors.Select(e => e.Message));
    }

    [Fact]
    public void Task_fields_are_the_HumanTask_properties_in_camelCase()
    {
        var fields = NoticeModelSchema.TaskFields;

        Assert.All(["title", "caseReference", "dueAt", "assignee", "importerName", "candidateRoles", "outcomes.name", "outcomes.form.field", "data.*"],
            field => Assert.Contains(field, fields));
        Assert.DoesNotContain("Title", fields);
    }

    [Theory]
    [InlineData("protest-received", "protest")]
    [InlineData("protest-decision", "protest")]
    [InlineData("protest-deemed-denied", "protest")]
    [InlineData("psc-accepted", "psc")]
    [InlineData("psc-rejected", "psc")]
    [InlineData("request-for-information", "entry-summary")]
    [InlineData("request-for-information", "psc")]
    [InlineData("notice-of-action", "entry-summary")]
    [InlineData("liquidation-extension", "entry-summary")]
    [InlineData("prior-disclosure-received", "prior-disclosure")]
    [InlineData("prior-disclosure-written-confirmation", "prior-disclosure")]
    [InlineData("prior-disclosure-loss-computed", "prior-disclosure")]
    [InlineData("inquiry-answer", "inquiry")]
    public void Each_filer_notice_reads_only_fields_of_its_case_kind_and_the_documented_variables(string template, string kind)
    {
        var check = new NoticeTemplateCheck(NoticeSamples.Templates, Schema);
        var variables = """[ { "name": "decision" }, { "name": "reasons" }, { "name": "questions" }, { "name": "proposedAction" }, { "name": "answer" } ]""";

        Assert.Empty(check.Check(Sending(template, variables), kind));
    }

    [Theory]
    [InlineData("task-assigned")]
    [InlineData("task-reminder")]
    [InlineData("task-escalated-director")]
    [InlineData("task-escalated-dfo")]
    public void Each_task_notice_reads_only_task_fields(string template)
    {
        var check = new NoticeTemplateCheck(NoticeSamples.Templates, Schema);
        var fields = check.FieldsFor(Sending(template), "protest", withTask: true);

        Assert.Empty(check.CheckTemplate(template, fields));
    }
}
