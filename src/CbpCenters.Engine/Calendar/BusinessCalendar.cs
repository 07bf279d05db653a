namespace CbpCenters.Engine.Calendar;

/// <summary>
/// The Centers' working days: Monday to Friday, except observed U.S. federal holidays and any extra
/// closures (for example a day off granted by executive order). Deadlines counted in business days use
/// this calendar; statutory deadlines counted in calendar days do not.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly HashSet<DateOnly> _extraClosures;

    public BusinessCalendar(IEnumerable<DateOnly>? extraClosures = null)
    {
        _extraClosures = extraClosures is null ? [] : [.. extraClosures];
    }

    /// <summary>True on a weekday that is neither an observed federal holiday nor an extra closure.</summary>
    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !FederalHolidays.IsObservedHoliday(date)
        && !_extraClosures.Contains(date);

    /// <summary>
    /// The date <paramref name="days"/> business days after <paramref name="start"/>, counting only business
    /// days after the start: Friday + 1 is Monday, Saturday + 1 is Monday. Adding 0 returns
    /// <paramref name="start"/> unchanged, even when it is not a business day.
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);

        var date = start;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsBusinessDay(date))
            {
                days--;
            }
        }

        return date;
    }

    /// <summary>
    /// The number of business days after <paramref name="fromExclusive"/> up to and including
    /// <paramref name="toInclusive"/>, so that <c>AddBusinessDays(from, n)</c> lands on <c>to</c> when
    /// <c>to</c> is a business day. Negative when <paramref name="toInclusive"/> is earlier: a deadline
    /// passed three business days ago gives -3.
    /// </summary>
    public int BusinessDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        if (toInclusive < fromExclusive)
        {
            return -BusinessDaysBetween(toInclusive, fromExclusive);
        }

        var count = 0;
        for (var date = fromExclusive; date < toInclusive;)
        {
            date = date.AddDays(1);
            if (IsBusinessDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Adds business days on the local calendar of <paramref name="zone"/>, keeping the local time of day
    /// (a task due Friday 17:00 in New York plus one business day is due Monday 17:00 in New York, whatever
    /// the DST offset on Monday). The result is in UTC. Adding 0 returns the same instant.
    /// </summary>
    public DateTimeOffset AddBusinessDays(DateTimeOffset instant, int days, TimeZoneInfo zone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentNullException.ThrowIfNull(zone);

        var local = ZonedTime.ToLocal(instant, zone);
        var startDate = DateOnly.FromDateTime(local);
        var endDate = AddBusinessDays(startDate, days);
        if (endDate == startDate)
        {
            return instant.ToUniversalTime();
        }

        return ZonedTime.ToUtc(endDate.ToDateTime(TimeOnly.FromDateTime(local)), zone);
    }

    /// <summary>Adds a workflow duration (years, months, days, business days, time); see <see cref="WorkDuration.AddTo"/>.</summary>
    public DateTimeOffset AddCalendar(DateTimeOffset instant, WorkDuration d, TimeZoneInfo zone) =>
        d.AddTo(instant, zone, this);
}
