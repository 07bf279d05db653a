namespace CbpCenters.IntegrationTests.Infrastructure;

/// <summary>
/// The service in time-skipping mode (<c>Clock:AllowTimeTravel=true</c>) with its real clock, as a rehearsal
/// or an end-to-end run uses it: time moves only through <c>POST /api/v1/admin/clock/advance</c>.
/// </summary>
public sealed class TimeTravelSqliteService : SqliteService
{
    protected override IReadOnlyDictionary<string, string?> Settings => TimeTravel.Settings;
    protected override bool UseFakeClock => false;
}

public sealed class TimeTravelPostgreSqlService : PostgreSqlService
{
    protected override IReadOnlyDictionary<string, string?> Settings => TimeTravel.Settings;
    protected override bool UseFakeClock => false;
}

internal static class TimeTravel
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?> { ["Clock:AllowTimeTravel"] = "true" };
}
