using CbpCenters.Engine.Calendar;

namespace CbpCenters.Engine.Runtime;

/// <summary>The time zone of a Center and the business calendar its deadlines count in.</summary>
public interface ICenterCalendar
{
    TimeZoneInfo TimeZoneOf(string? centerCode);
    BusinessCalendar Calendar { get; }
}

internal sealed class UtcCenterCalendar : ICenterCalendar
{
    public TimeZoneInfo TimeZoneOf(string? centerCode) => TimeZoneInfo.Utc;
    public BusinessCalendar Calendar { get; } = new();
}
