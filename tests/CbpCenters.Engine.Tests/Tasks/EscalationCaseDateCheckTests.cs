using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Tasks;
using CbpCenters.Engine.Tests.Notices;
using static CbpCenters.Engine.Tests.EngineHarness;

namespace CbpCenters.Engine.Tests.Tasks;

public sealed class EscalationCaseDateCheckTests
{
    [Theory]
    [InlineData("protest", "case.decisionLimit-P40BD", null)]
    [InlineData("protest", "case.decisionLimt-P40BD", "escalation step 2 counts from case.decisionLimt, but a protest case has no field 'decisionLimt'.")]
    [InlineData("psc", "case.decisionLimit", "escalation step 2 counts from case.decisionLimit, but a psc case has no field 'decisionLimit'.")]
    [InlineData(null, "case.decisionLimit", "escalation step 2 counts from case.decisionLimit, but the definition names no caseKind, so it has no case to read.")]
    public void Publishing_names_a_case_date_the_definitions_kind_of_case_does_not_have(string? kind, string at, string? expected)
    {
        var definition = DefinitionJson.Parse(Flow("review", $$"""
            { "id": "start", "type": "Start" },
            { "id": "review", "type": "HumanTask", "title": "Review", "candidates": { "roles": ["ImportSpecialist"] }, "due": "P5BD",
              "outcomes": [ { "name": "Done" } ],
              "escalation": [ { "at": "due", "action": "remind" }, { "at": "{{at}}", "action": "escalate", "to": "DFO" } ] },
            { "id": "end", "type": "End" }
            """, $"{Wire("start", "Done", "review")}, {Wire("review", "Done", "end")}"));
        definition.CaseKind = kind;

        var errors = new EscalationCaseDateCheck(new NoticeModelSchema(NoticeSamples.CaseSamples())).Check(definition).ToList();

        Assert.Equal(expected is null ? [] : [expected], errors.Select(e => e.Message));
        Assert.All(errors, e => Assert.Equal(("review", EscalationCaseDateCheck.Rule), (e.ActivityId, e.Rule)));
    }
}
