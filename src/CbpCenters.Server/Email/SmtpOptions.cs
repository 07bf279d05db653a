namespace CbpCenters.Server.Email;

public enum SmtpSecurity { None, Auto, StartTls, SslOnConnect }

/// <summary>
/// The <c>Smtp</c> section. Without a host, the service runs its own SMTP capture on loopback and delivers
/// there, so the embedded default exercises the real sending path and shows every notice in the Mailbox.
/// </summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "CBP Centers of Excellence and Expertise <no-reply@cbpcenters.example>";
    /// <summary>Port of the built-in capture; 0 picks a free one.</summary>
    public int CapturePort { get; set; } = 0;
    public int BatchSize { get; set; } = 50;
    /// <summary>Attempts before a message the server keeps refusing temporarily is given up as Failed (an unreachable server never gives a message up).</summary>
    public int MaxAttempts { get; set; } = 10;
    /// <summary>Wait after the first failure; it doubles with each attempt, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>How long a node may take to send a claimed message before another node may claim it again.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    public bool UsesCapture => string.IsNullOrWhiteSpace(Host);
}

/// <summary>Where mail goes, once known: the configured relay, or the capture's loopback port after it starts.</summary>
public sealed class SmtpEndpoint(SmtpOptions options)
{
    private volatile string? _host = options.Host;
    private int _port = options.Port;

    public string? Host => _host;
    public int Port => _port;
    public SmtpSecurity Security => options.UsesCapture ? SmtpSecurity.None : options.Security;

    internal void UseCapture(int port)
    {
        _port = port;
        _host = "127.0.0.1";
    }
}
