using CbpCenters.Engine.Calendar;

namespace CbpCenters.Engine.Runtime;

/// <summary>The time zone of a Center and the business calendar its deadlines count in.</summary>
public interface ICenterCalendar
{
    TimeZoneInfo TimeZoneOf(string? centerCode);
    BusinessCalendar Calendar { get; }
}

public static class CenterCalendarExtensions
{
    /// <summary>The date it is at the Center at <paramref name="now"/>: what "today" means for its deadlines.</summary>
    public static DateOnly TodayAt(this ICenterCalendar calendars, string? centerCode, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendars.TimeZoneOf(centerCode)).DateTime);
}

internal sealed class UtcCenterCalendar : ICenterCalendar
{
    public TimeZoneInfo TimeZoneOf(string? centerCode) => TimeZoneInfo.Utc;
    public BusinessCalendar Calendar { get; } = new();
}
