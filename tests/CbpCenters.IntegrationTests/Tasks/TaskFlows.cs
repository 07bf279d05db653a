using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CbpCenters.IntegrationTests.Infrastructure;
using static CbpCenters.IntegrationTests.Infrastructure.Flowcharts;

namespace CbpCenters.IntegrationTests.Tasks;

/// <summary>Protest-review workflows of one human task, and the inbox calls staff make on them.</summary>
internal static class TaskFlows
{
    public const string Admin = "admin";

    /// <summary>The usual review outcomes: Allow, or Deny with its required reasons.</summary>
    public const string AllowOrDeny = """
        [ { "name": "Allow" },
          { "name": "Deny", "form": [ { "field": "reasons", "label": "Reasons", "type": "textarea", "required": true } ] } ]
        """;

    /// <summary>A HumanTask activity named <paramref name="id"/>; <paramref name="more"/> adds properties (assignee, due, escalation...).</summary>
    public static string TaskStep(string id, string candidates, string more = "", string outcomes = AllowOrDeny) => $$"""
        { "id": "{{id}}", "type": "HumanTask", "title": "Review protest ({{id}})",
          "candidates": {{candidates}}, "outcomes": {{outcomes}} {{(more.Length > 0 ? "," + more : "")}} }
        """;

    /// <summary>Start → review → an End named after each of <paramref name="outcomes"/>.</summary>
    public static JsonObject Review(string definitionId, string candidates, string more = "", params string[] outcomes)
    {
        outcomes = outcomes.Length > 0 ? outcomes : ["Allow", "Deny"];
        var ends = string.Join(", ", outcomes.Select(o => $$"""{ "id": "{{o.ToLowerInvariant()}}", "type": "End" }"""));
        var wires = string.Join(", ", outcomes.Select(o => Wire("review", o, o.ToLowerInvariant())));
        return Flow(definitionId, $$"""{ "id": "start", "type": "Start" }, {{TaskStep("review", candidates, more)}}, {{ends}}""",
            $"{Wire("start", "Done", "review")}, {wires}");
    }

    /// <summary>Every task of a definition, as an administrator sees them across all Centers.</summary>
    public static async Task<List<JsonObject>> TasksOfAsync(this HttpClient admin, string definitionId) =>
        await admin.InboxAsync("all", definitionId);

    /// <summary>The one task an instance is waiting on.</summary>
    public static async Task<JsonObject> TaskOfAsync(this HttpClient admin, string definitionId, string instanceId) =>
        (await admin.TasksOfAsync(definitionId)).Single(t => t.Text("instanceId") == instanceId && t.Text("status") is "Unassigned" or "Assigned");

    /// <summary>One view of the caller's inbox (mine, unassigned, center, overdue, completed, all), limited to one definition.</summary>
    public static async Task<List<JsonObject>> InboxAsync(this HttpClient client, string view, string definitionId)
    {
        var page = await (await client.GetAsync($"/api/v1/tasks?view={view}&definitionId={definitionId}&pageSize=500")
            .ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        return [.. page["items"]!.AsArray().Select(t => t!.AsObject())];
    }

    /// <summary>The task page: the task, its comments and history, and whether the caller may claim or complete it.</summary>
    public static async Task<JsonObject> DetailAsync(this HttpClient client, string taskId) =>
        await (await client.GetAsync($"/api/v1/tasks/{taskId}").ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();

    /// <summary>The kinds of the task's history lines, in order (Created, Assigned, Claimed, ...).</summary>
    public static async Task<List<string>> HistoryAsync(this HttpClient client, string taskId) =>
        [.. (await client.DetailAsync(taskId))["history"]!.AsArray().Select(h => h!.Text("kind"))];

    public static Task<HttpResponseMessage> ClaimAsync(this HttpClient client, string taskId) =>
        client.PostAsync($"/api/v1/tasks/{taskId}/claim", null);

    public static Task<HttpResponseMessage> CompleteAsync(this HttpClient client, string taskId, string outcome, object? data = null) =>
        client.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { outcome, data });

    /// <summary>The field names of a 400's validation errors.</summary>
    public static async Task<List<string>> ErrorFieldsAsync(this HttpResponseMessage problem) =>
        [.. (await ProblemAsync(problem))["errors"]!.AsObject().Select(e => e.Key)];

    public static async Task<string> DetailTextAsync(this HttpResponseMessage problem) =>
        (await ProblemAsync(problem))["detail"]?.GetValue<string>() ?? "";

    /// <summary>The problem details, read so that they can be read again.</summary>
    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage problem) =>
        JsonNode.Parse(await problem.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>
    /// Hires new staff into a Center through the staff API, so a test's team is its own: no other test's tasks
    /// count against them. Names end in 1, 2, 3... and sort in that order.
    /// </summary>
    public static async Task<List<string>> HireAsync(this HttpClient admin, string center, string position, int count, string pool = "Core", string? team = null)
    {
        team ??= Flowcharts.Unique(center.ToLowerInvariant());
        var names = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var userName = $"{team}.{position.ToLowerInvariant()}{i}";
            await admin.PostAsJsonAsync("/api/v1/staff", new
            {
                userName, displayName = $"{position} {i} ({center})", email = $"{userName}@cbpcenters.example",
                password = ServiceFixture.Password, centerCode = center, positions = new[] { position }, pool, roles = new[] { "Staff" },
            }).ExpectAsync(HttpStatusCode.Created);
            names.Add(userName);
        }
        return names;
    }
}
