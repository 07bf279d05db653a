using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Runtime;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Mail;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace CbpCenters.Server.Email;

public sealed record DispatchResult(int Sent, int Retrying, int Failed);

/// <summary>
/// Sends due outbox messages over one SMTP connection per batch. A message is claimed (its next attempt
/// pushed out by a lease, checked by its version) before it is sent, so two nodes never send it at the same
/// time; it is marked Sent only after the server accepted it. A node that dies between the two leaves it
/// claimed; after the lease it is sent again with the same Message-Id, so the receiver can recognise it.
/// </summary>
public sealed class OutboxDispatcher(
    CbpCentersDbContext db, SmtpOptions options, SmtpEndpoint endpoint, TimeProvider clock,
    IServiceScopeFactory scopes, ILogger<OutboxDispatcher> logger)
{
    private readonly List<OutboxMessage> _givenUp = [];

    public async Task<DispatchResult> DispatchAsync(CancellationToken ct)
    {
        int sent = 0, retrying = 0, failed = 0;
        for (var round = 0; round < 100; round++)
        {
            var batch = await ClaimAsync(ct);
            if (batch.Count == 0) break;
            var (s, r, f) = await SendAsync(batch, ct);
            sent += s; retrying += r; failed += f;
            if (s == 0) break;
        }
        await RecordIncidentsAsync(ct);
        return new DispatchResult(sent, retrying, failed);
    }

    /// <summary>
    /// A notice given up for good becomes an incident on its instance, recorded after the batch in a scope of its
    /// own: the workflow commit must not share (and reset) the context that holds this batch's delivery marks.
    /// </summary>
    private async Task RecordIncidentsAsync(CancellationToken ct)
    {
        foreach (var message in _givenUp.Where(m => m.InstanceId is not null))
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().RecordIncidentAsync(message.InstanceId!.Value, message.ActivityId ?? "",
                $"Notice '{message.Template}' to {string.Join(", ", message.To)} was not delivered: {message.LastError}", JournalEvents.EmailFailed, ct);
        }
        _givenUp.Clear();
    }

    private async Task<List<OutboxMessage>> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Outbox.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Take(options.BatchSize).ToListAsync(ct);
        var claimed = new List<OutboxMessage>();
        foreach (var message in due)
        {
            message.NextAttemptAt = now + options.ClaimLease;
            message.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
                claimed.Add(message);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.Entry(message).State = EntityState.Detached;
            }
        }
        return claimed;
    }

    private async Task<(int Sent, int Retrying, int Failed)> SendAsync(List<OutboxMessage> batch, CancellationToken ct)
    {
        int sent = 0, retrying = 0, failed = 0;
        using var smtp = new SmtpClient();
        try
        {
            var host = endpoint.Host ?? throw new IOException("the built-in SMTP capture has not started yet");
            await smtp.ConnectAsync(host, endpoint.Port, SocketOptions(endpoint.Security), ct);
            if (!string.IsNullOrEmpty(options.UserName))
                await smtp.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("SMTP server {Host}:{Port} unreachable: {Reason}; {Count} message(s) will be retried", endpoint.Host, endpoint.Port, ex.Message, batch.Count);
            foreach (var message in batch)
                await FailAsync(message, $"SMTP server {endpoint.Host}:{endpoint.Port} unreachable: {ex.Message}", permanent: false, ct, serverDown: true);
            return (0, batch.Count, 0);
        }

        foreach (var message in batch)
        {
            try
            {
                var reply = await smtp.SendAsync(ToMime(message), ct);
                await DeliveredAsync(message, reply, ct);
                sent++;
            }
            catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
            {
                await FailAsync(message, $"{(int)ex.StatusCode} {ex.Message}", permanent: true, ct);
                failed++;
            }
            catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or ServiceNotConnectedException)
            {
                if (await FailAsync(message, ex is SmtpCommandException c ? $"{(int)c.StatusCode} {c.Message}" : ex.Message, permanent: false, ct)) failed++;
                else retrying++;
                if (!smtp.IsConnected) break;
            }
        }
        if (smtp.IsConnected) await smtp.DisconnectAsync(quit: true, ct);
        return (sent, retrying, failed);
    }

    private async Task DeliveredAsync(OutboxMessage message, string reply, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        message.Status = OutboxStatus.Sent;
        message.Attempts++;
        message.SentAt = now;
        message.SmtpReply = Shorten(reply, 500);
        message.LastError = null;
        message.Version++;
        db.OutboxAttempts.Add(new OutboxAttempt { MessageId = message.Id, At = now, Delivered = true, Reply = Shorten(reply, 2000) });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Notice {Template} {MessageId} delivered to {To}: {Reply}", message.Template, message.Id, string.Join(", ", message.To), reply);
    }

    /// <summary>
    /// Records a failed attempt; returns true when the message is given up: refused for good, or refused for this
    /// message too often. A mail server that cannot be reached never gives a message up: notices wait for it.
    /// </summary>
    private async Task<bool> FailAsync(OutboxMessage message, string reason, bool permanent, CancellationToken ct, bool serverDown = false)
    {
        var now = clock.GetUtcNow();
        message.Attempts++;
        message.LastError = Shorten(reason, 2000);
        var givenUp = permanent || (!serverDown && message.Attempts >= options.MaxAttempts);
        if (givenUp) message.Status = OutboxStatus.Failed;
        else message.NextAttemptAt = now + Backoff(message.Attempts);
        message.Version++;
        db.OutboxAttempts.Add(new OutboxAttempt { MessageId = message.Id, At = now, Delivered = false, Reply = Shorten(reason, 2000) });
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Notice {Template} {MessageId} attempt {Attempt} failed{GivenUp}: {Reason}",
            message.Template, message.Id, message.Attempts, givenUp ? " for good" : "", reason);
        if (givenUp) _givenUp.Add(message);
        return givenUp;
    }

    internal TimeSpan Backoff(int attempts)
    {
        var seconds = options.FirstBackoff.TotalSeconds * Math.Pow(2, Math.Min(attempts - 1, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, options.MaxBackoff.TotalSeconds));
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject, MessageId = $"{message.Id:N}@cbpcenters" };
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.AddRange(message.To.Select(MailboxAddress.Parse));
        mime.Cc.AddRange(message.Cc.Select(MailboxAddress.Parse));
        mime.Bcc.AddRange(message.Bcc.Select(MailboxAddress.Parse));
        if (message.ReplyTo is not null) mime.ReplyTo.Add(MailboxAddress.Parse(message.ReplyTo));
        mime.Headers.Add("X-CbpCenters-Notice", message.Template);
        if (message.CaseId is { } caseId) mime.Headers.Add("X-CbpCenters-Case", caseId.ToString());
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
