using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CbpCenters.IntegrationTests.Infrastructure;

namespace CbpCenters.IntegrationTests.Cases;

/// <summary>What people at a Center do over HTTP, in the steps a scenario needs: file, find the task, claim, complete, read.</summary>
public sealed class CenterDesk(ServiceFixture service)
{
    public DateOnly Today => DateOnly.FromDateTime(service.Clock.GetUtcNow().UtcDateTime);

    public async Task<JsonObject> FileAsync(string path, object body) =>
        await (await (await service.ClientAsync("integration")).PostAsJsonAsync(path, body).ExpectAsync(HttpStatusCode.Created)).ReadObjectAsync();

    public async Task<JsonObject> CaseAsync(string caseId) =>
        await (await (await service.ClientAsync("admin")).GetAsync($"/api/v1/cases/{caseId}").ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();

    public async Task<string> StatusAsync(string caseId) => (await CaseAsync(caseId))["case"]!["status"]!.GetValue<string>();

    /// <summary>The open task of a case for this step (activity id), as its Center sees it.</summary>
    public async Task<JsonObject> OpenTaskAsync(string caseId, string activityId)
    {
        var tasks = (await CaseAsync(caseId))["openTasks"]!.AsArray();
        return tasks.Select(t => t!.AsObject()).SingleOrDefault(t => t["activityId"]!.GetValue<string>() == activityId)
            ?? throw new Xunit.Sdk.XunitException($"No open '{activityId}' task; open: {string.Join(", ", tasks.Select(t => t!["activityId"]))}");
    }

    public async Task<JsonObject> ClaimAndCompleteAsync(string user, string caseId, string activityId, string outcome, object data)
    {
        var task = await OpenTaskAsync(caseId, activityId);
        var client = await service.ClientAsync(user);
        if (task["assignee"]?.GetValue<string>() != user)
            await client.PostAsync($"/api/v1/tasks/{task["id"]}/claim", null).ExpectAsync(HttpStatusCode.OK);
        return await (await client.PostAsJsonAsync($"/api/v1/tasks/{task["id"]}/complete", new { outcome, data }).ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
    }

    /// <summary>The notices written for the case, by template.</summary>
    public async Task<List<JsonObject>> NoticesAsync(string caseId, string template) =>
        [.. (await CaseAsync(caseId))["notices"]!.AsArray().Select(n => n!.AsObject()).Where(n => n["template"]!.GetValue<string>() == template)];

    public async Task<JsonObject> OnlyNoticeAsync(string caseId, string template)
    {
        var notices = await NoticesAsync(caseId, template);
        return Assert.Single(notices);
    }
}
