namespace CbpCenters.IntegrationTests.Infrastructure;

/// <summary>
/// The service sending through a real mail relay (<c>Smtp:Host</c> set, so no built-in capture): a
/// <see cref="LoopbackSmtpServer"/> owned by the fixture, which tests stop and start to take the relay down.
/// </summary>
public sealed class SmtpRelaySqliteService : SqliteService
{
    public LoopbackSmtpServer Relay { get; } = new();
    protected override IReadOnlyDictionary<string, string?> Settings => SmtpRelay.Settings(Relay);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Relay.DisposeAsync();
    }
}

public sealed class SmtpRelayPostgreSqlService : PostgreSqlService
{
    public LoopbackSmtpServer Relay { get; } = new();
    protected override IReadOnlyDictionary<string, string?> Settings => SmtpRelay.Settings(Relay);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Relay.DisposeAsync();
    }
}

internal static class SmtpRelay
{
    public static IReadOnlyDictionary<string, string?> Settings(LoopbackSmtpServer relay) => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = relay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
    };
}
