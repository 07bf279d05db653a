using System.Globalization;
using CbpCenters.Engine.Calendar;

namespace CbpCenters.Server.Ui;

public enum DueUrgency { None, OnTrack, AtRisk, Overdue }

/// <summary>A due date as a specialist reads it: "due in 3 business days", "overdue by 2 business days".</summary>
public sealed record DueWording(string Text, DueUrgency Urgency, string Exact);

/// <summary>
/// Words for a due date, counted in business days on the Center's own calendar: the day boundaries are the
/// Center's midnight, weekends and federal holidays do not count.
/// </summary>
public static class RelativeDue
{
    /// <summary>Tasks due within this many business days are shown as at risk.</summary>
    public const int AtRiskBusinessDays = 2;

    public static DueWording Describe(DateTimeOffset? due, DateTimeOffset now, TimeZoneInfo zone, BusinessCalendar calendar)
    {
        if (due is not { } at) return new("no due date", DueUrgency.None, "");
        var localDue = TimeZoneInfo.ConvertTime(at, zone);
        var exact = localDue.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + ZoneName(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var dueDay = DateOnly.FromDateTime(localDue.DateTime);
        if (at < now)
        {
            var late = calendar.BusinessDaysBetween(dueDay, today);
            return new(late switch
            {
                <= 0 => $"overdue since {localDue:HH:mm} today",
                1 => "overdue by 1 business day",
                _ => $"overdue by {late} business days",
            }, DueUrgency.Overdue, exact);
        }
        if (dueDay == today) return new($"due today at {localDue:HH:mm}", DueUrgency.AtRisk, exact);
        var left = calendar.BusinessDaysBetween(today, dueDay);
        var urgency = left <= AtRiskBusinessDays ? DueUrgency.AtRisk : DueUrgency.OnTrack;
        return new(left switch
        {
            <= 0 => $"due {localDue.ToString("dddd", CultureInfo.InvariantCulture)} (a non-working day)",
            1 when dueDay == today.AddDays(1) => "due tomorrow",
            1 => "due in 1 business day",
            _ => $"due in {left} business days",
        }, urgency, exact);
    }

    /// <summary>"New York time" for America/New_York: the city people in the Centers name.</summary>
    public static string ZoneName(TimeZoneInfo zone) =>
        zone == TimeZoneInfo.Utc ? "UTC" : zone.Id.Contains('/') ? zone.Id[(zone.Id.LastIndexOf('/') + 1)..].Replace('_', ' ') + " time" : zone.Id;
}
