using System.Text.Json.Nodes;
using CbpCenters.Engine.Definitions;
using Microsoft.Extensions.DependencyInjection;
using static CbpCenters.Engine.Tests.EngineHarness;

namespace CbpCenters.Engine.Tests.Definitions;

public sealed class DefinitionValidatorTests : IAsyncLifetime
{
    private readonly EngineHarness _engine = new();
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => _engine.DisposeAsync();

    private IReadOnlyList<DefinitionError> Validate(string json) =>
        _engine.Services.GetRequiredService<DefinitionValidator>().Validate(DefinitionJson.Parse(json));

    private const string Start = """{ "id": "start", "type": "Start" }""";

    [Fact]
    public void A_well_formed_flow_has_no_errors() =>
        Assert.Empty(Validate(Flow("ok", $$"""{{Start}}, { "id": "end", "type": "End" }""", Wire("start", "Done", "end"))));

    [Fact]
    public void Unknown_activity_type_is_named()
    {
        var error = Assert.Single(Validate(Flow("x", $$"""{{Start}}, { "id": "mystery", "type": "Teleport" }""", Wire("start", "Done", "mystery"))));
        Assert.Equal(("mystery", "unknown-type"), (error.ActivityId, error.Rule));
        Assert.Contains("Teleport", error.Message);
    }

    [Fact]
    public void Duplicate_ids_are_named()
    {
        var errors = Validate(Flow("x", $$"""{{Start}}, { "id": "review", "type": "Log", "message": "a" }, { "id": "review", "type": "End" }""", Wire("start", "Done", "review")));
        Assert.Contains(errors, e => e.ActivityId == "review" && e.Rule == "duplicate-id");
    }

    [Fact]
    public void Connection_to_a_missing_activity_is_named()
    {
        var errors = Validate(Flow("x", Start, Wire("start", "Done", "ghost")));
        Assert.Contains(errors, e => e.ActivityId == "start" && e.Rule == "missing-activity" && e.Message.Contains("ghost"));
    }

    [Fact]
    public void Connection_from_a_port_the_activity_does_not_have_is_named()
    {
        var errors = Validate(Flow("x", $$"""{{Start}}, { "id": "end", "type": "End" }""", Wire("start", "Approved", "end")));
        var error = Assert.Single(errors, e => e.Rule == "missing-port");
        Assert.Equal("start", error.ActivityId);
        Assert.Contains("Approved", error.Message);
    }

    [Fact]
    public void An_activity_no_path_reaches_is_named()
    {
        var errors = Validate(Flow("x", $$"""{{Start}}, { "id": "end", "type": "End" }, { "id": "orphan", "type": "Log", "message": "never" }""", Wire("start", "Done", "end")));
        Assert.Equal(("orphan", "unreachable"), (Assert.Single(errors).ActivityId, Assert.Single(errors).Rule));
    }

    [Fact]
    public void An_unwired_outcome_of_a_branching_activity_is_named()
    {
        var errors = Validate(Flow("x", $$"""{{Start}}, { "id": "late", "type": "Decision", "condition": "true" }, { "id": "end", "type": "End" }""",
            $"{Wire("start", "Done", "late")}, {Wire("late", "True", "end")}"));
        var error = Assert.Single(errors);
        Assert.Equal(("late", "unwired-outcome"), (error.ActivityId, error.Rule));
        Assert.Contains("False", error.Message);
    }

    [Fact]
    public void An_expression_that_does_not_parse_is_named()
    {
        var errors = Validate(Flow("x", $$"""{{Start}}, { "id": "check", "type": "Decision", "condition": "input.amount >* 5" }, { "id": "a", "type": "End" }, { "id": "b", "type": "End" }""",
            $"{Wire("start", "Done", "check")}, {Wire("check", "True", "a")}, {Wire("check", "False", "b")}"));
        var error = Assert.Single(errors);
        Assert.Equal(("check", "expression"), (error.ActivityId, error.Rule));
    }

    [Fact]
    public void A_missing_required_property_and_a_bad_duration_are_named()
    {
        var errors = Validate(Flow("x", $$"""{{Start}}, { "id": "wait", "type": "Delay", "duration": "30 days" }, { "id": "set", "type": "SetVariable", "variable": "v" }""",
            $"{Wire("start", "Done", "wait")}, {Wire("wait", "Done", "set")}"));
        Assert.Contains(errors, e => e.ActivityId == "wait" && e.Rule == "duration");
        Assert.Contains(errors, e => e.ActivityId == "set" && e.Rule == "required-property" && e.Message.Contains("value"));
    }

    [Fact]
    public void A_flowchart_without_a_start_is_rejected() =>
        Assert.Contains(Validate(Flow("x", """{ "id": "end", "type": "End" }""", "")), e => e.Rule == "start");

    [Fact]
    public void An_input_of_an_unknown_type_or_declared_twice_is_named()
    {
        var json = JsonNode.Parse(Flow("x", $$"""{{Start}}, { "id": "end", "type": "End" }""", Wire("start", "Done", "end")))!.AsObject();
        json["inputs"] = JsonNode.Parse("""[ { "name": "amount", "type": "money" }, { "name": "entry" }, { "name": "entry", "type": "string" } ]""");
        var errors = Validate(json.ToJsonString());
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Rule == "input-type" && e.Message.Contains("'amount'") && e.Message.Contains("number"));
        Assert.Contains(errors, e => e.Rule == "duplicate-input" && e.Message.Contains("'entry'"));
    }

    [Fact]
    public void A_duration_of_more_than_a_hundred_years_is_named_before_it_can_be_published()
    {
        var errors = Validate(Flow("x", $$"""{{Start}}, { "id": "wait", "type": "WaitForSignal", "signal": "go", "timeout": "P99999Y" }""",
            Wire("start", "Done", "wait")));

        var error = Assert.Single(errors, e => e.Rule == "duration");
        Assert.Equal("wait", error.ActivityId);
        Assert.StartsWith("property 'timeout': 'P99999Y' is not a duration: no part may be more than 100 years", error.Message);
    }
}
