using System.Buffers;
using System.Net;
using System.Net.Sockets;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Mail;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CbpCenters.Server.Email;

/// <summary>
/// A small SMTP server on loopback for the embedded default. Every message it accepts is saved in the
/// Mailbox table before the 250 reply, so a notice the dispatcher marked Sent is always visible.
/// </summary>
public sealed class SmtpCapture(SmtpOptions options, SmtpEndpoint endpoint, IServiceScopeFactory scopes, TimeProvider clock, ILogger<SmtpCapture> logger)
    : IHostedService
{
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    public async Task StartAsync(CancellationToken ct)
    {
        if (!options.UsesCapture) return;
        var port = options.CapturePort != 0 ? options.CapturePort : FreePort();
        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName("cbpcenters-capture")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var components = new SmtpServer.ComponentModel.ServiceProvider();
        components.Add(new MailboxStore(scopes, clock));
        _server = new SmtpServer.SmtpServer(serverOptions, components);
        _running = _server.StartAsync(CancellationToken.None);
        endpoint.UseCapture(port);
        logger.LogInformation("No SMTP host configured: notices are captured on 127.0.0.1:{Port} and shown in the Mailbox", port);
        await Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (_server is null) return;
        _server.Shutdown();
        // Lets open connections finish, within bounds: a host stopping must not hang on a stuck client.
        await _server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(5), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_running is not null) await _running.WaitAsync(TimeSpan.FromSeconds(1), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class MailboxStore(IServiceScopeFactory scopes, TimeProvider clock) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, ct);
            stream.Position = 0;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CbpCentersDbContext>();
            db.Mailbox.Add(new MailboxMessage
            {
                Id = Guid.CreateVersion7(),
                ReceivedAt = clock.GetUtcNow(),
                From = message.From.ToString(),
                To = [.. transaction.To.Select(t => $"{t.User}@{t.Host}")],
                Cc = [.. message.Cc.Mailboxes.Select(m => m.Address)],
                Subject = message.Subject ?? "",
                TextBody = message.TextBody,
                HtmlBody = message.HtmlBody,
                MessageId = message.MessageId,
                Raw = new StreamReader(stream).ReadToEnd(),
            });
            await db.SaveChangesAsync(ct);
            return SmtpResponse.Ok;
        }
    }
}
