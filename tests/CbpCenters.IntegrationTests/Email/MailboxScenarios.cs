using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CbpCenters.IntegrationTests.Infrastructure;
using static CbpCenters.IntegrationTests.Infrastructure.Flowcharts;

namespace CbpCenters.IntegrationTests.Email;

/// <summary>
/// Issue 5 with the embedded default: no Smtp:Host, so the service runs its own SMTP capture and a new user
/// sees every notice in the mailbox. Also the outbox's filters, and the publish-time check of what a template reads.
/// </summary>
public abstract class MailboxScenarios(ServiceFixture service)
{
    private readonly ProtestDesk _desk = new(service);

    [Fact]
    public async Task A_notice_sent_by_a_SendEmail_step_arrives_in_the_built_in_mailbox_with_both_bodies()
    {
        var filer = ProtestDesk.NewFilerAddress();
        var caseId = await _desk.FileAsync(filer);
        var number = await _desk.ProtestNumberAsync(caseId);
        var notice = await _desk.NoticeAsync(caseId, "protest-received");
        Assert.Equal("Pending", notice.Status());

        await _desk.DispatchAsync();

        var admin = await service.ClientAsync("admin");
        var listed = await (await admin.GetAsync($"/api/v1/mailbox?to={Uri.EscapeDataString(filer)}").ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        var summary = Assert.Single(listed["items"]!.AsArray())!;
        var mail = await (await admin.GetAsync($"/api/v1/mailbox/{summary.Id()}").ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        Assert.Equal([filer, "ele.nam@cbpcenters.example"], mail["to"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["ele.nam@cbpcenters.example"], mail["cc"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(notice.Text("subject"), mail.Text("subject"));
        Assert.Contains(number, mail.Text("subject"));
        Assert.Contains("no-reply@cbpcenters.example", mail.Text("from"));
        Assert.Contains(number, mail.Text("textBody"));
        Assert.DoesNotContain("<p>", mail.Text("textBody"));
        Assert.Contains($"<strong>{number}</strong>", mail.Text("htmlBody"));
        Assert.StartsWith("<!DOCTYPE html>", mail.Text("htmlBody"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal($"{notice.Id().Replace("-", "")}@cbpcenters", mail.Text("messageId"));
        var sent = await _desk.NoticeAsync(caseId, "protest-received");
        Assert.Equal(("Sent", 1), (sent.Status(), sent["attempts"]!.GetValue<int>()));
    }

    [Fact]
    public async Task The_outbox_is_filtered_by_case_status_and_recipient()
    {
        var (first, second) = (ProtestDesk.NewFilerAddress(), ProtestDesk.NewFilerAddress());
        var firstCase = await _desk.FileAsync(first);
        var secondCase = await _desk.FileAsync(second);

        var ofFirst = await _desk.OutboxAsync($"caseId={firstCase}");
        Assert.All(ofFirst, m => Assert.Equal(firstCase, m.Text("caseId")));
        Assert.Equal(["protest-received", "task-assigned"], ofFirst.Select(m => m.Text("template")).Order());
        Assert.Equal([(firstCase, "protest-received")],
            (await _desk.OutboxAsync($"recipient={Uri.EscapeDataString(first)}")).Select(m => (m.Text("caseId"), m.Text("template"))));
        Assert.Equal([secondCase], (await _desk.OutboxAsync($"recipient={second[..15]}")).Select(m => m.Text("caseId")));
        var pending = (await _desk.OutboxAsync("status=Pending")).Select(m => m.Text("caseId")).ToList();
        Assert.Contains(firstCase, pending);
        Assert.Contains(secondCase, pending);

        await _desk.DispatchAsync();

        Assert.Empty(await _desk.OutboxAsync($"caseId={firstCase}&status=Pending"));
        Assert.Equal(2, (await _desk.OutboxAsync($"caseId={firstCase}&status=Sent")).Count);
        Assert.Empty(await _desk.OutboxAsync($"recipient={Uri.EscapeDataString(first)}&status=Failed"));
        await (await service.ClientAsync("admin")).GetAsync("/api/v1/outbox?status=Lost").ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Publishing_a_notice_whose_template_reads_a_missing_field_is_refused_naming_the_template_and_the_field()
    {
        var supervisor = await service.ClientAsync("admin");

        var noReasons = await PublishDecisionAsync(supervisor, "protest", """[ { "name": "decision", "type": "string" } ]""");
        Assert.Contains("protest-decision: field 'variables.reasons' does not exist", noReasons);

        var wrongKind = await PublishDecisionAsync(supervisor, "psc", """[ { "name": "decision", "type": "string" }, { "name": "reasons", "type": "string" } ]""");
        Assert.Contains("protest-decision: field 'case.protestNumber' does not exist", wrongKind);

        var id = Unique("decision");
        await supervisor.PublishAsync(DecisionNotice(id, "protest", """[ { "name": "decision", "type": "string" }, { "name": "reasons", "type": "string" } ]"""));
    }

    /// <summary>Tries to publish a protest-decision notice for <paramref name="caseKind"/>; returns the errors named for the notice step.</summary>
    private static async Task<string> PublishDecisionAsync(HttpClient supervisor, string caseKind, string variables)
    {
        var id = Unique("decision");
        await supervisor.PostAsJsonAsync("/api/v1/workflow-definitions", DecisionNotice(id, caseKind, variables)).ExpectAsync(HttpStatusCode.Created);
        var refused = await supervisor.PostAsync($"/api/v1/workflow-definitions/{id}/publish", null).ExpectAsync(HttpStatusCode.BadRequest);
        var errors = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(["activities.notify"], errors.Select(e => e.Key));
        await supervisor.PostAsJsonAsync("/api/v1/workflow-instances", new { definitionId = id }).ExpectAsync(HttpStatusCode.NotFound);
        return string.Join("\n", errors["activities.notify"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    private static JsonObject DecisionNotice(string id, string caseKind, string variables) => Flow(id,
        """{ "id": "start", "type": "Start" }, { "id": "notify", "type": "SendEmail", "template": "protest-decision", "to": ["filer"] }, { "id": "end", "type": "End" }""",
        $"{Wire("start", "Done", "notify")}, {Wire("notify", "Done", "end")}",
        $$""" "caseKind": "{{caseKind}}", "variables": {{variables}}, """);
}

public sealed class MailboxScenarios_Sqlite(SqliteService service) : MailboxScenarios(service), IClassFixture<SqliteService>;

public sealed class MailboxScenarios_PostgreSql(PostgreSqlService service) : MailboxScenarios(service), IClassFixture<PostgreSqlService>;
