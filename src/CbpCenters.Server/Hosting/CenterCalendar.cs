using CbpCenters.Domain.Centers;
using CbpCenters.Engine.Calendar;
using CbpCenters.Engine.Runtime;

namespace CbpCenters.Server.Hosting;

/// <summary>Deadlines count in the Center's own time zone and the federal business calendar.</summary>
public sealed class CenterCalendar : ICenterCalendar
{
    public BusinessCalendar Calendar { get; } = new();

    public TimeZoneInfo TimeZoneOf(string? centerCode) =>
        centerCode is not null && CenterCatalog.Find(centerCode) is { } center
            ? CenterTimeZones.Find(center.TimeZoneId)
            : TimeZoneInfo.Utc;
}
