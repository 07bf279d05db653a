using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CbpCenters.IntegrationTests.Infrastructure;

/// <summary>A message as the mail relay received it: the envelope recipients (RCPT TO) and the message itself.</summary>
public sealed record RelayedMail(IReadOnlyList<string> Recipients, MimeMessage Message);

/// <summary>
/// A real SMTP server on a loopback port, standing in for the agency's mail relay. It keeps every message it
/// accepts, can be stopped and started again on the same port (the relay is down for a while), and can refuse
/// a recipient for good with a 550, as a relay does for a mailbox that does not exist.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RelayedMail> _received = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    public LoopbackSmtpServer() => Port = FreePort();

    public int Port { get; }

    public bool IsRunning => _server is not null;

    public IReadOnlyList<RelayedMail> Received => [.. _received];

    /// <summary>Starts listening (again) on <see cref="Port"/>; does nothing when already listening.</summary>
    public void Start()
    {
        if (_server is not null) return;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("relay.cbp.example")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var components = new SmtpServer.ComponentModel.ServiceProvider();
        components.Add(new Mailroom(this));
        _server = new SmtpServer.SmtpServer(options, components);
        _running = _server.StartAsync(CancellationToken.None);
    }

    /// <summary>Stops listening, as when the relay goes down; connections are refused until <see cref="Start"/>.</summary>
    public async Task StopAsync()
    {
        if (_server is null) return;
        _server.Shutdown();
        // Waits for the server to finish its connections, but never longer than a stuck one deserves.
        await _server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_running is not null) await _running.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _server = null;
        _running = null;
    }

    /// <summary>From now on, a message to <paramref name="address"/> is refused with 550 (a permanent failure).</summary>
    public void Refuse(string address) => _refused[address] = true;

    public void Accept(string address) => _refused.TryRemove(address, out _);

    /// <summary>What arrived for one address (envelope recipient).</summary>
    public IReadOnlyList<RelayedMail> ReceivedFor(string address) =>
        [.. _received.Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase))];

    public ValueTask DisposeAsync() => new(StopAsync());

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Mailroom(LoopbackSmtpServer relay) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            var recipients = transaction.To.Select(t => $"{t.User}@{t.Host}").ToList();
            if (recipients.FirstOrDefault(relay._refused.ContainsKey) is { } refused)
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, $"5.1.1 <{refused}>: mailbox unavailable");
            await using var stream = new MemoryStream(buffer.ToArray());
            relay._received.Enqueue(new RelayedMail(recipients, await MimeMessage.LoadAsync(stream, ct)));
            return SmtpResponse.Ok;
        }
    }
}
