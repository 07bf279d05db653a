namespace CbpCenters.Engine.Calendar;

/// <summary>
/// Moves between UTC instants and a zone's wall-clock time. Every local time maps to exactly one instant:
/// a time skipped by a spring-forward gap is moved forward by the length of the gap (02:30 becomes 03:30
/// daylight time), and a time repeated by a fall-back overlap takes its first occurrence (daylight time).
/// </summary>
internal static class ZonedTime
{
    /// <summary>The wall-clock time in <paramref name="zone"/> at <paramref name="instant"/>.</summary>
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>The UTC instant (offset zero) at which <paramref name="zone"/>'s clocks show <paramref name="local"/>.</summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);

        TimeSpan offset;
        if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else if (zone.IsInvalidTime(local))
        {
            offset = zone.GetUtcOffset(LastValidTimeBefore(local, zone));
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static DateTime LastValidTimeBefore(DateTime local, TimeZoneInfo zone)
    {
        // Gaps are at most a day long (Samoa skipped 30 December 2011), so this ends within 96 steps.
        var probe = local;
        do
        {
            probe = probe.AddMinutes(-15);
        }
        while (zone.IsInvalidTime(probe));

        return probe;
    }
}
