using System.Text.Json.Nodes;
using CbpCenters.Engine.Definitions;
using static CbpCenters.Engine.Tests.EngineHarness;

namespace CbpCenters.Engine.Tests.Definitions;

/// <summary>What a designer sees when a part of the definition is the wrong kind of value: its place and the kind, in words.</summary>
public sealed class DefinitionShapeTests
{
    private static JsonObject WellFormed()
    {
        var definition = JsonNode.Parse(Flow("shape",
            """{ "id": "start", "type": "Start", "designer": { "x": 10, "y": 20 } }, { "id": "end", "type": "End" }""",
            Wire("start", "Done", "end"),
            """[ { "name": "decision", "type": "string" } ]"""))!.AsObject();
        definition["inputs"] = JsonNode.Parse("""[ { "name": "amount", "type": "number", "required": true } ]""");
        return definition;
    }

    public static TheoryData<string, string, string> WrongKinds => new()
    {
        { "version", "\"x\"", "version must be a whole number." },
        { "version", "1.5", "version must be a whole number." },
        { "version", "null", "version must be a whole number." },
        { "name", "42", "name must be a string." },
        { "root", "[]", "root must be an object: { \"type\": \"Flowchart\", \"activities\": [...], \"connections\": [...] }." },
        { "root.activities", "{}", "root.activities must be a list." },
        { "root.activities[0].id", "1", "root.activities[0].id must be a string." },
        { "root.activities[0].designer.x", "\"left\"", "root.activities[0].designer.x must be a number." },
        { "root.connections[0].target", "null", "root.connections[0].target must be an object: a connection needs a source and a target, each with an activity and a port." },
        { "root.connections[0].source.port", "7", "root.connections[0].source.port must be a string: a connection needs a source and a target, each with an activity and a port." },
        { "variables", "\"decision\"", "variables must be a list." },
        { "variables[0].name", "\" \"", "variables[0].name is required: a variable needs a name." },
        { "inputs[0].required", "\"yes\"", "inputs[0].required must be true or false." },
        { "definitionId", "[]", "definitionId must be a string." },
    };

    [Theory]
    [MemberData(nameof(WrongKinds))]
    public void A_part_of_the_wrong_kind_is_named_with_the_kind_it_must_be(string place, string value, string message)
    {
        var definition = WellFormed();
        Set(definition, place, JsonNode.Parse(value));

        var refused = Assert.Throws<DefinitionFormatException>(() => DefinitionJson.Parse(definition.ToJsonString()));

        Assert.Equal((place, message), (refused.Field, refused.Message));
    }

    [Fact]
    public void Text_that_is_not_JSON_is_refused_with_its_line_and_no_byte_position()
    {
        var refused = Assert.Throws<DefinitionFormatException>(() => DefinitionJson.Parse("{\n  \"definitionId\": \"x\",\n  \"name\": }"));

        Assert.Equal(("definition", "The definition is not valid JSON near line 3."), (refused.Field, refused.Message));
    }

    /// <summary>Sets the value at a place written as the error names it: <c>root.activities[0].id</c>.</summary>
    private static void Set(JsonObject definition, string place, JsonNode? value)
    {
        JsonNode parent = definition;
        var steps = place.Replace("[", ".[").Split('.');
        foreach (var step in steps[..^1])
            parent = step.StartsWith('[') ? parent[int.Parse(step[1..^1])]! : parent[step]!;
        var last = steps[^1];
        if (last.StartsWith('[')) parent[int.Parse(last[1..^1])] = value;
        else parent[last] = value;
    }
}
