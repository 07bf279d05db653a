using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CbpCenters.IntegrationTests.Infrastructure;
using CbpCenters.IntegrationTests.Tasks;
using static CbpCenters.IntegrationTests.Infrastructure.Flowcharts;

namespace CbpCenters.IntegrationTests.Cases;

/// <summary>Definitions a designer gets wrong: refused naming the place and the rule in words, and never saved.</summary>
public abstract partial class BadInputScenarios
{
    private static JsonObject Waiting(string id, string timeout = "P30D") => Flow(id,
        $$"""{ "id": "start", "type": "Start" }, { "id": "wait", "type": "WaitForSignal", "signal": "go", "timeout": "{{timeout}}" }, { "id": "end", "type": "End" }""",
        $"{Wire("start", "Done", "wait")}, {Wire("wait", "Received", "end")}, {Wire("wait", "TimedOut", "end")}");

    [Fact]
    public async Task A_definition_with_holes_is_refused_naming_the_place_and_never_saved()
    {
        var admin = await service.ClientAsync("admin");
        var id = Unique("holes");
        var holes = new JsonObject
        {
            ["definitionId"] = id, ["name"] = "Holes",
            ["root"] = new JsonObject { ["type"] = "Flowchart", ["activities"] = new JsonArray((JsonNode?)null), ["connections"] = new JsonArray() },
        };

        var refused = await admin.PostAsJsonAsync("/api/v1/workflow-definitions", holes).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("root.activities[0]", await refused.DetailTextAsync());
        await admin.GetAsync($"/api/v1/workflow-definitions/{id}").ExpectAsync(HttpStatusCode.NotFound);

        holes["root"]!["activities"] = JsonNode.Parse("""[ { "id": "start", "type": "Start" } ]""");
        holes["root"]!["connections"] = JsonNode.Parse("""[ { "source": { "activity": "start", "port": "Done" } } ]""");
        var dangling = await admin.PostAsJsonAsync("/api/v1/workflow-definitions", holes).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("root.connections[0]", await dangling.DetailTextAsync());
        await admin.GetAsync($"/api/v1/workflow-definitions/{id}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("version", "\"x\"", "version must be a whole number.")]
    [InlineData("root", "[]", "root must be an object")]
    [InlineData("root.activities", "{}", "root.activities must be a list.")]
    [InlineData("root.activities[0].id", "1", "root.activities[0].id must be a string.")]
    public async Task A_definition_part_of_the_wrong_kind_is_named_in_words_and_never_saved(string place, string value, string rule)
    {
        var admin = await service.ClientAsync("admin");
        var id = Unique("kinds");
        var definition = Waiting(id);
        SetAt(definition, place, JsonNode.Parse(value));

        foreach (var refused in new[]
        {
            await admin.PostAsJsonAsync("/api/v1/workflow-definitions/validate", definition).ExpectAsync(HttpStatusCode.BadRequest),
            await admin.PostAsJsonAsync("/api/v1/workflow-definitions", definition).ExpectAsync(HttpStatusCode.BadRequest),
            await admin.PutAsJsonAsync($"/api/v1/workflow-definitions/{id}/draft", definition).ExpectAsync(HttpStatusCode.BadRequest),
        })
        {
            Assert.Equal([place], await refused.ErrorFieldsAsync());
            var detail = await refused.DetailTextAsync();
            Assert.StartsWith(rule, detail);
            Assert.DoesNotContain("System.", detail);
            Assert.DoesNotContain("BytePosition", detail);
        }
        await admin.GetAsync($"/api/v1/workflow-definitions/{id}").ExpectAsync(HttpStatusCode.NotFound);
    }

    /// <summary>Sets the value at a place written as an error names it, e.g. <c>root.activities[0].id</c>.</summary>
    private static void SetAt(JsonObject definition, string place, JsonNode? value)
    {
        var steps = place.Replace("[", ".[").Split('.');
        JsonNode parent = definition;
        foreach (var step in steps[..^1])
            parent = step.StartsWith('[') ? parent[int.Parse(step[1..^1])]! : parent[step]!;
        parent[steps[^1]] = value;
    }

    [Fact]
    public async Task A_duration_of_more_than_a_hundred_years_is_named_by_the_checks_and_never_published()
    {
        var admin = await service.ClientAsync("admin");
        var id = Unique("ages");
        var definition = Waiting(id, timeout: "P99999Y");

        var errors = await (await admin.PostAsJsonAsync("/api/v1/workflow-definitions/validate", definition).ExpectAsync(HttpStatusCode.OK)).ReadArrayAsync();
        var error = Assert.Single(errors)!;
        Assert.Equal(("wait", "duration"), (error.Text("activityId"), error.Text("rule")));
        Assert.Contains("'timeout'", error.Text("message"));
        Assert.Contains("100 years", error.Text("message"));

        await admin.PostAsJsonAsync("/api/v1/workflow-definitions", definition).ExpectAsync(HttpStatusCode.Created);
        var publish = await admin.PostAsync($"/api/v1/workflow-definitions/{id}/publish", null).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["activities.wait"], await publish.ErrorFieldsAsync());
        await admin.GetAsync($"/api/v1/workflow-definitions/{id}?published=true").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_draft_under_an_id_no_route_can_carry_is_refused_and_never_listed()
    {
        var admin = await service.ClientAsync("admin");
        var spaced = Waiting("BAD ID");
        var upper = Waiting("UPPER");
        var slashed = Waiting("New Bad/Id");

        foreach (var refused in new[]
        {
            await admin.PutAsJsonAsync("/api/v1/workflow-definitions/BAD%20ID/draft", spaced).ExpectAsync(HttpStatusCode.BadRequest),
            await admin.PutAsJsonAsync("/api/v1/workflow-definitions/UPPER/draft", upper).ExpectAsync(HttpStatusCode.BadRequest),
            await admin.PostAsJsonAsync("/api/v1/workflow-definitions", slashed).ExpectAsync(HttpStatusCode.BadRequest),
        })
        {
            Assert.Equal(["definitionId"], await refused.ErrorFieldsAsync());
            Assert.Contains("lower-case letters, digits and dashes", await refused.DetailTextAsync());
        }
        var listed = await (await admin.GetAsync("/api/v1/workflow-definitions").ExpectAsync(HttpStatusCode.OK)).ReadArrayAsync();
        Assert.DoesNotContain(listed, d => d!.Text("definitionId") is "BAD ID" or "UPPER" or "New Bad/Id");
    }

    [Fact]
    public async Task An_unknown_definition_has_no_versions_to_list()
    {
        var admin = await service.ClientAsync("admin");

        await admin.GetAsync($"/api/v1/workflow-definitions/{Unique("nope")}/versions").ExpectAsync(HttpStatusCode.NotFound);
    }
}
