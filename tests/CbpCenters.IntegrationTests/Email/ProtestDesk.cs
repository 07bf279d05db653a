using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CbpCenters.IntegrationTests.Infrastructure;
using CbpCenters.Server.Email;
using Microsoft.Extensions.DependencyInjection;

namespace CbpCenters.IntegrationTests.Email;

/// <summary>
/// Protests filed through intake and decided at the Electronics Center (Long Beach), and the notices they send:
/// the acknowledgement when filed, the decision when approved. Each filing has its own filer address, so a test
/// finds its own mail in the outbox, the mailbox and at the relay.
/// </summary>
internal sealed class ProtestDesk(ServiceFixture service)
{
    public const string Reasons = "The assemblies are parts of computers, not complete units (GRI 1; note 5(C) to chapter 84).";
    private static readonly TimeZoneInfo LongBeach = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    /// <summary>A protest number is filed once; each filing here takes the next one.</summary>
    private static int _serial = 600_000;

    public static string NewFilerAddress() => $"broker-{Guid.NewGuid():N}"[..15] + "@bayside.example";

    /// <summary>Files a protest for Pacific Circuits (an Electronics account); returns the case id.</summary>
    public async Task<string> FileAsync(string filerEmail)
    {
        var today = DateOnly.FromDateTime(service.Clock.GetUtcNow().UtcDateTime);
        var number = $"2704-{today:yy}-{Interlocked.Increment(ref _serial):000000}";
        var filed = await (await (await service.ClientAsync("integration")).PostAsJsonAsync("/api/v1/protests", new
        {
            protestNumber = number, filedOn = Iso(today), importerNumber = "12-3456789AA", protestant = "Pacific Circuits Corp.",
            filerEmail,
            entries = new[] { new { entryNumber = "ABC-1234567-6", entryDate = Iso(today.AddDays(-400)), liquidationDate = Iso(today.AddDays(-60)) } },
            merchandiseDescription = "Printed circuit assemblies",
            categories = new[] { new { decisionProtested = "Classification under 8473.30.1180", claim = "8471.80.1000, free", justification = "Complete units" } },
            acceleratedDisposition = false, furtherReview = false,
        }).ExpectAsync(HttpStatusCode.Created)).ReadObjectAsync();
        return filed.Text("caseId");
    }

    public async Task<JsonObject> CaseAsync(string caseId) =>
        await (await (await service.ClientAsync("admin")).GetAsync($"/api/v1/cases/{caseId}").ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();

    public async Task<string> ProtestNumberAsync(string caseId) => (await CaseAsync(caseId))["data"]!.Text("protestNumber");

    /// <summary>
    /// The specialist holding the review denies the protest with <see cref="Reasons"/>, and the supervisory import
    /// specialist approves (four-eyes). Returns the court deadline the filer must be told: 180 days after the decision, in Long Beach.
    /// </summary>
    public async Task<DateOnly> DenyAsync(string caseId)
    {
        var reviewer = await WorkAsync(caseId, "review", "Deny", new { reasons = Reasons }, except: null);
        var decided = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(service.Clock.GetUtcNow(), LongBeach).DateTime);
        await WorkAsync(caseId, "approval", "Approve", new { comments = "Agree." }, except: reviewer, candidates: ["ele.supervisor"]);
        Assert.Equal("Denied", (await CaseAsync(caseId))["case"]!.Status());
        return decided.AddDays(180);
    }

    public static string LongDate(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>Sends what is due in the outbox, as the dispatcher job does.</summary>
    public Task<DispatchResult> DispatchAsync() =>
        service.ScopedAsync(services => services.GetRequiredService<OutboxDispatcher>().DispatchAsync(default));

    /// <summary>Outbox lines matching a query such as <c>caseId=...&amp;status=Pending</c>.</summary>
    public async Task<List<JsonObject>> OutboxAsync(string query)
    {
        var page = await (await (await service.ClientAsync("admin")).GetAsync($"/api/v1/outbox?pageSize=500&{query}").ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        return [.. page["items"]!.AsArray().Select(m => m!.AsObject())];
    }

    /// <summary>The one notice of a template written for a case.</summary>
    public async Task<JsonObject> NoticeAsync(string caseId, string template) =>
        Assert.Single(await OutboxAsync($"caseId={caseId}"), m => m.Text("template") == template);

    /// <summary>A notice with its content and every delivery attempt.</summary>
    public async Task<JsonObject> NoticeDetailAsync(string outboxId) =>
        await (await (await service.ClientAsync("admin")).GetAsync($"/api/v1/outbox/{outboxId}").ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();

    /// <summary>Completes the open task of a step as whoever holds it, or as the first eligible specialist who may claim it.</summary>
    private async Task<string> WorkAsync(string caseId, string step, string outcome, object data, string? except, string[]? candidates = null)
    {
        var task = (await CaseAsync(caseId))["openTasks"]!.AsArray().Single(t => t!.Text("activityId") == step)!;
        var worker = task["assignee"]?.GetValue<string>()
            ?? (candidates ?? ["ele.is1", "ele.is2", "ele.is3", "ele.supervisor"]).First(u => u != except);
        var client = await service.ClientAsync(worker);
        if (task["assignee"] is null) await client.PostAsync($"/api/v1/tasks/{task.Id()}/claim", null).ExpectAsync(HttpStatusCode.OK);
        await client.PostAsJsonAsync($"/api/v1/tasks/{task.Id()}/complete", new { outcome, data }).ExpectAsync(HttpStatusCode.OK);
        return worker;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
