using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CbpCenters.IntegrationTests.Infrastructure;

/// <summary>
/// Workflow definitions written the way the designer saves them, and the API calls a supervisor and staff make
/// to publish, start and follow them. Each test publishes its own definition under a unique id, so what it
/// finds in an inbox, the outbox or a journal is its own.
/// </summary>
public static class Flowcharts
{
    public static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    public static JsonObject Flow(string id, string activities, string connections, string extra = "") => JsonNode.Parse($$"""
        { "definitionId": "{{id}}", "name": "{{id}}", {{extra}}
          "root": { "type": "Flowchart", "activities": [ {{activities}} ], "connections": [ {{connections}} ] } }
        """)!.AsObject();

    public static string Wire(string from, string port, string to) =>
        $$"""{ "source": { "activity": "{{from}}", "port": "{{port}}" }, "target": { "activity": "{{to}}", "port": "In" } }""";

    /// <summary>Saves the definition as a draft and publishes it; <paramref name="supervisor"/> must design workflows.</summary>
    public static async Task PublishAsync(this HttpClient supervisor, JsonObject definition)
    {
        var id = definition["definitionId"]!.GetValue<string>();
        await supervisor.PostAsJsonAsync("/api/v1/workflow-definitions", definition).ExpectAsync(HttpStatusCode.Created);
        await supervisor.PostAsync($"/api/v1/workflow-definitions/{id}/publish", null).ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>Starts the published definition for a Center (PHC, New York, by default).</summary>
    public static async Task<JsonObject> StartAsync(this HttpClient client, string definitionId, string? centerCode = "PHC", JsonObject? input = null) =>
        await (await client.PostAsJsonAsync("/api/v1/workflow-instances", new { definitionId, centerCode, input })
            .ExpectAsync(HttpStatusCode.Created)).ReadObjectAsync();

    public static async Task<JsonObject> InstanceAsync(this HttpClient client, string instanceId) =>
        await (await client.GetAsync($"/api/v1/workflow-instances/{instanceId}").ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();

    public static async Task<List<JsonObject>> JournalAsync(this HttpClient client, string instanceId) =>
        [.. (await (await client.GetAsync($"/api/v1/workflow-instances/{instanceId}/journal").ExpectAsync(HttpStatusCode.OK)).ReadArrayAsync())
            .Select(j => j!.AsObject())];

    /// <summary>The journal lines of one event (TimerFired, TaskEscalated, ...).</summary>
    public static async Task<List<JsonObject>> JournalAsync(this HttpClient client, string instanceId, string @event) =>
        [.. (await client.JournalAsync(instanceId)).Where(j => j.Text("event") == @event)];

    public static string Id(this JsonNode node) => node.Text("id");

    public static string Status(this JsonNode node) => node.Text("status");

    public static string Text(this JsonNode node, string property) =>
        node[property]?.GetValue<string>() ?? throw new InvalidOperationException($"'{property}' is missing from {node.ToJsonString()}");

    public static DateTimeOffset Instant(this JsonNode node, string property) => node[property]!.GetValue<DateTimeOffset>();

    /// <summary>The due instant of the instance's open bookmark with this name (e.g. "delay", "escalation:0").</summary>
    public static DateTimeOffset DueOf(this JsonObject instance, string bookmarkName) =>
        instance["bookmarks"]!.AsArray().Single(b => b!["name"]?.GetValue<string>() == bookmarkName)!.Instant("dueAt");
}
