using System.Net;
using CbpCenters.IntegrationTests.Infrastructure;
using static CbpCenters.IntegrationTests.Infrastructure.Flowcharts;

namespace CbpCenters.IntegrationTests.Email;

/// <summary>
/// Issue 5 through a real SMTP server on loopback, asserting on what the relay received: recipients, subject,
/// both bodies and headers; the denial's reasons and court date; delivery once the relay comes back after an
/// outage, none lost and none twice; a permanent refusal; and a restart with notices still queued.
/// </summary>
public abstract class SmtpRelayScenarios(ServiceFixture service, LoopbackSmtpServer relay)
{
    private readonly ProtestDesk _desk = new(service);

    private async Task<(string Status, int Attempts)> StatusAsync(string caseId)
    {
        var notice = await _desk.NoticeAsync(caseId, "protest-received");
        return (notice.Status(), notice["attempts"]!.GetValue<int>());
    }

    private static string MessageIdOf(string outboxId) => $"{Guid.Parse(outboxId):N}@cbpcenters";

    [Fact]
    public async Task The_relay_receives_each_filer_notice_with_its_recipients_subject_both_bodies_and_headers()
    {
        relay.Start();
        var filer = ProtestDesk.NewFilerAddress();
        var caseId = await _desk.FileAsync(filer);
        var number = await _desk.ProtestNumberAsync(caseId);
        await _desk.DispatchAsync();

        var received = Assert.Single(relay.ReceivedFor(filer));
        var acknowledgement = await _desk.NoticeAsync(caseId, "protest-received");
        // The filer is addressed; the account's National Account Manager is copied.
        Assert.Equal([filer, "ele.nam@cbpcenters.example"], received.Recipients);
        Assert.Equal([filer], received.Message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["ele.nam@cbpcenters.example"], received.Message.Cc.Mailboxes.Select(m => m.Address));
        Assert.Equal("no-reply@cbpcenters.example", received.Message.From.Mailboxes.Single().Address);
        Assert.Equal(acknowledgement.Text("subject"), received.Message.Subject);
        Assert.Contains(number, received.Message.TextBody);
        Assert.Contains($"<strong>{number}</strong>", received.Message.HtmlBody);
        Assert.Equal(MessageIdOf(acknowledgement.Id()), received.Message.MessageId);
        Assert.Equal("protest-received", received.Message.Headers["X-CbpCenters-Notice"]);
        Assert.Equal(caseId, received.Message.Headers["X-CbpCenters-Case"]);

        var courtDate = ProtestDesk.LongDate(await _desk.DenyAsync(caseId));
        await _desk.DispatchAsync();

        var decision = Assert.Single(relay.ReceivedFor(filer), m => m.Message.Headers["X-CbpCenters-Notice"] == "protest-decision");
        Assert.Equal($"Decision on protest {number}", decision.Message.Subject);
        Assert.Equal([filer, "ele.nam@cbpcenters.example"], decision.Recipients);
        foreach (var body in new[] { decision.Message.TextBody, decision.Message.HtmlBody })
        {
            Assert.Contains("DENIED", body);
            Assert.Contains(ProtestDesk.Reasons, body);
            Assert.Contains("Court of International Trade", body);
            Assert.Contains(courtDate, body);
        }
        Assert.Equal(MessageIdOf((await _desk.NoticeAsync(caseId, "protest-decision")).Id()), decision.Message.MessageId);
        Assert.Equal(2, relay.ReceivedFor(filer).Count);
    }

    [Fact]
    public async Task While_the_relay_is_down_notices_wait_and_back_off_then_each_is_delivered_exactly_once()
    {
        await relay.StopAsync();
        var filers = Enumerable.Range(0, 3).Select(_ => ProtestDesk.NewFilerAddress()).ToList();
        var cases = new List<string>();
        foreach (var filer in filers) cases.Add(await _desk.FileAsync(filer));
        // Each filing writes the filer's acknowledgement and the reviewer's assignment notice.
        async Task<List<(string Id, string Status, int Attempts, DateTimeOffset Next)>> NoticesAsync()
        {
            var found = new List<(string, string, int, DateTimeOffset)>();
            foreach (var caseId in cases)
                foreach (var line in await _desk.OutboxAsync($"caseId={caseId}"))
                {
                    var message = (await _desk.NoticeDetailAsync(line.Id()))["message"]!;
                    found.Add((message.Id(), message.Status(), message["attempts"]!.GetValue<int>(), message.Instant("nextAttemptAt")));
                }
            return found;
        }

        var first = await _desk.DispatchAsync();
        Assert.Equal((0, 0), (first.Sent, first.Failed));
        var waiting = await NoticesAsync();
        Assert.Equal(6, waiting.Count);
        Assert.All(waiting, n => Assert.Equal(("Pending", 1, service.Clock.GetUtcNow().AddSeconds(30)), (n.Status, n.Attempts, n.Next)));
        Assert.Contains($"127.0.0.1:{relay.Port} unreachable", (await _desk.NoticeAsync(cases[0], "protest-received")).Text("lastError"));

        service.Clock.Advance(TimeSpan.FromSeconds(29));
        await _desk.DispatchAsync();
        Assert.All(await NoticesAsync(), n => Assert.Equal(1, n.Attempts));
        service.Clock.Advance(TimeSpan.FromSeconds(1));
        await _desk.DispatchAsync();
        Assert.All(await NoticesAsync(), n => Assert.Equal(("Pending", 2, service.Clock.GetUtcNow().AddSeconds(60)), (n.Status, n.Attempts, n.Next)));

        relay.Start();
        service.Clock.Advance(TimeSpan.FromSeconds(59));
        await _desk.DispatchAsync();
        Assert.All(filers, f => Assert.Empty(relay.ReceivedFor(f)));
        service.Clock.Advance(TimeSpan.FromSeconds(1));
        // Two dispatchers at once, as two nodes' jobs would run, then one more for anything left.
        await Task.WhenAll(_desk.DispatchAsync(), _desk.DispatchAsync());
        await _desk.DispatchAsync();

        var delivered = await NoticesAsync();
        Assert.All(delivered, n => Assert.Equal(("Sent", 3), (n.Status, n.Attempts)));
        var ours = delivered.Select(n => MessageIdOf(n.Id)).ToHashSet();
        var arrived = relay.Received.Select(m => m.Message.MessageId).Where(id => ours.Contains(id!)).ToList();
        Assert.Equal(ours.Order(), arrived.Order());
        Assert.All(filers, f => Assert.Single(relay.ReceivedFor(f)));
        var attempts = (await _desk.NoticeDetailAsync(delivered[0].Id))["attempts"]!.AsArray();
        Assert.Equal([false, false, true], attempts.Select(a => a!["delivered"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_permanent_refusal_fails_the_notice_with_the_relay_reply_records_an_incident_and_a_resend_delivers_it()
    {
        relay.Start();
        var filer = ProtestDesk.NewFilerAddress();
        relay.Refuse(filer);
        var caseId = await _desk.FileAsync(filer);

        var result = await _desk.DispatchAsync();

        Assert.True(result.Failed >= 1);
        var notice = await _desk.NoticeAsync(caseId, "protest-received");
        Assert.Equal(("Failed", 1), (notice.Status(), notice["attempts"]!.GetValue<int>()));
        Assert.Contains("550", notice.Text("lastError"));
        Assert.Contains("mailbox unavailable", notice.Text("lastError"));
        Assert.Empty(relay.ReceivedFor(filer));
        // The reviewer's notice went in the same batch: it is marked Sent, and a later dispatch does not send it again.
        var assigned = await _desk.NoticeAsync(caseId, "task-assigned");
        Assert.Equal("Sent", assigned.Status());
        service.Clock.Advance(TimeSpan.FromMinutes(10));
        await _desk.DispatchAsync();
        Assert.Single(relay.Received, m => m.Message.MessageId == MessageIdOf(assigned.Id()));
        var admin = await service.ClientAsync("admin");
        var instanceId = notice.Text("instanceId");
        var incident = Assert.Single((await admin.InstanceAsync(instanceId))["incidents"]!.AsArray())!;
        Assert.Contains("protest-received", incident.Text("message"));
        Assert.Contains("550", incident.Text("message"));
        Assert.Contains("550", Assert.Single(await admin.JournalAsync(instanceId, "EmailFailed")).Text("message"));
        Assert.Equal("Suspended", (await admin.InstanceAsync(instanceId)).Status());

        await (await service.ClientAsync("ele.is1")).PostAsync($"/api/v1/outbox/{notice.Id()}/resend", null).ExpectAsync(HttpStatusCode.Forbidden);
        relay.Accept(filer);
        var queued = await (await admin.PostAsync($"/api/v1/outbox/{notice.Id()}/resend", null).ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        Assert.Equal(("Pending", 0), (queued.Status(), queued["attempts"]!.GetValue<int>()));
        await _desk.DispatchAsync();

        var resent = Assert.Single(relay.ReceivedFor(filer));
        Assert.Equal(MessageIdOf(notice.Id()), resent.Message.MessageId);
        Assert.Equal("Sent", (await _desk.NoticeAsync(caseId, "protest-received")).Status());
        await admin.PostAsync($"/api/v1/outbox/{notice.Id()}/resend", null).ExpectAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Notices_queued_when_the_service_restarts_are_all_delivered_after_it_once_each()
    {
        await relay.StopAsync();
        var filers = Enumerable.Range(0, 2).Select(_ => ProtestDesk.NewFilerAddress()).ToList();
        var cases = new List<string>();
        foreach (var filer in filers) cases.Add(await _desk.FileAsync(filer));
        await _desk.DispatchAsync();
        foreach (var caseId in cases)
            Assert.Equal(("Pending", 1), await StatusAsync(caseId));

        await service.RestartAsync();
        relay.Start();
        service.Clock.Advance(TimeSpan.FromSeconds(31));
        await _desk.DispatchAsync();

        foreach (var (filer, caseId) in filers.Zip(cases))
        {
            var notice = await _desk.NoticeAsync(caseId, "protest-received");
            Assert.Equal(("Sent", 2), await StatusAsync(caseId));
            Assert.Equal(MessageIdOf(notice.Id()), Assert.Single(relay.ReceivedFor(filer)).Message.MessageId);
        }
    }
}

public sealed class SmtpRelayScenarios_Sqlite(SmtpRelaySqliteService service)
    : SmtpRelayScenarios(service, service.Relay), IClassFixture<SmtpRelaySqliteService>;

public sealed class SmtpRelayScenarios_PostgreSql(SmtpRelayPostgreSqlService service)
    : SmtpRelayScenarios(service, service.Relay), IClassFixture<SmtpRelayPostgreSqlService>;
