using System.Text.Json.Nodes;

namespace CbpCenters.Engine.Tests.Definitions;

/// <summary>
/// Every <c>workflows/*.json</c> is what the service imports at start-up: a file that stops validating would be
/// rejected there, so it fails here first, naming the file, the activity and the rule.
/// </summary>
public sealed class WorkflowFilesTests : IAsyncLifetime
{
    private readonly WorkflowFileChecks _checks = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => _checks.DisposeAsync();

    public static TheoryData<string> Files() => [.. WorkflowFiles.Names];

    [Fact]
    public void Each_kind_of_Center_case_has_the_workflow_the_server_starts_for_it() =>
        // The server's Cases:Workflows defaults: protest, psc, prior-disclosure, entry-summary, inquiry.
        Assert.Subset(WorkflowFiles.Names.ToHashSet(), new HashSet<string>
            { "protest-review.json", "psc-review.json", "prior-disclosure-validation.json", "entry-summary-validation.json", "trade-inquiry.json" });

    [Theory, MemberData(nameof(Files))]
    public async Task The_file_is_named_after_its_definition_and_passes_every_publish_check(string fileName)
    {
        var problems = _checks.Problems(fileName, await File.ReadAllTextAsync(Path.Combine(WorkflowFiles.Folder, fileName)));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory, MemberData(nameof(Files))]
    public async Task The_file_matches_the_definition_schema(string fileName)
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(WorkflowFiles.Folder, fileName)));

        var problems = JsonSchemaCheck.Load(WorkflowFiles.SchemaPath).Problems(document);

        Assert.True(problems.Count == 0, $"{fileName}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task A_notice_reading_an_undeclared_variable_is_reported_with_the_file_activity_and_rule()
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(WorkflowFiles.PathOf("protest-review")))!.AsObject();
        var variables = json["variables"]!.AsArray();
        variables.Remove(variables.Single(v => v!["name"]!.GetValue<string>() == "reasons"));

        var problems = _checks.Problems("protest-review.json", json.ToJsonString());

        Assert.Contains("protest-review.json: notifyDenied: [notice-field] protest-decision: field 'variables.reasons' does not exist", problems);
        Assert.Contains("protest-review.json: recordReasons: [undeclared-variable] sets variable 'reasons', which the definition does not declare.", problems);
        Assert.Contains("protest-review.json: approval: [undeclared-variable] reads variables.reasons, which the definition does not declare.", problems);
    }

    [Fact]
    public async Task A_definition_whose_file_name_differs_or_whose_boxes_overlap_is_reported()
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(WorkflowFiles.PathOf("trade-inquiry")))!.AsObject();
        json["root"]!["activities"]![1]!["designer"] = new JsonObject { ["x"] = 60, ["y"] = 210 };

        var problems = _checks.Problems("inquiry.json", json.ToJsonString());

        Assert.Contains("inquiry.json: (definition): [file-name] definitionId 'trade-inquiry' does not match the file name.", problems);
        Assert.Contains(problems, p => p.StartsWith("inquiry.json: markOpen: [layout] overlaps 'start'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_schema_check_names_what_a_file_gets_wrong()
    {
        var document = JsonNode.Parse("""
            { "definitionId": "Protest Review", "name": "", "surprise": true,
              "root": { "type": "Flowchart", "activities": [ { "id": "a", "type": "Teleport" } ], "connections": [ { "source": { "activity": "a" } } ] } }
            """);

        var problems = JsonSchemaCheck.Load(WorkflowFiles.SchemaPath).Problems(document);

        Assert.Contains("$: 'surprise' is not allowed here", problems);
        Assert.Contains(problems, p => p.StartsWith("$.definitionId: 'Protest Review' does not match", StringComparison.Ordinal));
        Assert.Contains("$.name: must have at least 1 characters", problems);
        Assert.Contains(problems, p => p.StartsWith("$.root.activities[0].type: must be one of", StringComparison.Ordinal));
        Assert.Contains("$.root.connections[0]: 'target' is required", problems);
        Assert.Contains("$.root.connections[0].source: 'port' is required", problems);
    }
}
