using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CbpCenters.Engine.Calendar;

/// <summary>
/// A non-negative span of work time as written in workflow definitions, in ISO-8601 style with one
/// extension: <c>BD</c> for business days. Examples: <c>P30D</c>, <c>P2Y</c>, <c>P1M</c>, <c>P1W</c>,
/// <c>P5BD</c>, <c>PT4H</c>, <c>PT30M</c>, <c>P1DT2H</c>, <c>P1Y2M</c>, <c>P2BDT4H</c>.
/// Business days never mix with years, months or days (only with a time part), so the meaning of a
/// duration never depends on the order its parts are applied in. Weeks are kept as days (P1W equals P7D)
/// and time as a <see cref="TimeSpan"/> (PT90M equals PT1H30M); <see cref="ToString"/> writes that
/// canonical form and <see cref="Parse"/> reads it back to an equal value.
/// </summary>
public readonly record struct WorkDuration
{
    public static readonly WorkDuration Zero = default;

    /// <exception cref="ArgumentOutOfRangeException">A part is negative, or time has a fraction of a second.</exception>
    /// <exception cref="ArgumentException">Business days are combined with years, months or days.</exception>
    public WorkDuration(int years = 0, int months = 0, int days = 0, int businessDays = 0, TimeSpan time = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfNegative(businessDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(time, TimeSpan.Zero);
        if (time.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "time must be a whole number of seconds");
        }

        if (businessDays > 0 && (years > 0 || months > 0 || days > 0))
        {
            throw new ArgumentException(WorkDurationText.BusinessDaysMixRule, nameof(businessDays));
        }

        Years = years;
        Months = months;
        Days = days;
        BusinessDays = businessDays;
        Time = time;
    }

    public int Years { get; }

    public int Months { get; }

    /// <summary>Calendar days, weeks included (P1W is 7 days).</summary>
    public int Days { get; }

    public int BusinessDays { get; }

    /// <summary>Elapsed hours, minutes and seconds, added after the date parts.</summary>
    public TimeSpan Time { get; }

    public bool IsZero => Years == 0 && Months == 0 && Days == 0 && BusinessDays == 0 && Time == TimeSpan.Zero;

    /// <summary>
    /// Reads a duration. On failure <paramref name="error"/> is a sentence naming the rule broken, such as
    /// "'P5X' is not a duration: expected ISO-8601 like P30D, P5BD or PT4H".
    /// </summary>
    public static bool TryParse(string? text, out WorkDuration value, [NotNullWhen(false)] out string? error) =>
        WorkDurationText.TryParse(text, out value, out error);

    /// <exception cref="FormatException">The text is not a duration; the message names the rule broken.</exception>
    public static WorkDuration Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>The canonical text: parts in the order Y, M, D, BD, then T with H, M, S; zero is P0D.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("P");
        Append(text, Years, "Y");
        Append(text, Months, "M");
        Append(text, Days, "D");
        Append(text, BusinessDays, "BD");
        if (Time > TimeSpan.Zero)
        {
            text.Append('T');
            Append(text, Time.Ticks / TimeSpan.TicksPerHour, "H");
            Append(text, Time.Minutes, "M");
            Append(text, Time.Seconds, "S");
        }

        return text.Length == 1 ? "P0D" : text.ToString();
    }

    /// <summary>
    /// The instant this duration after <paramref name="start"/>, in UTC. Years, then months, then days are
    /// added to the local date in <paramref name="zone"/> (keeping the local time of day; January 31 plus
    /// one month is the last day of February), then business days by <paramref name="calendar"/>, then the
    /// time part as elapsed time, so PT4H is always four real hours even across a DST change. A local time
    /// that falls in a DST gap or overlap is resolved as <see cref="ZonedTime"/> describes.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The result would be after 9999-12-31 (a due date from a case date far in the future); the message says so in
    /// words, so an instance that trips on it faults with an incident its operator can read.
    /// </exception>
    public DateTimeOffset AddTo(DateTimeOffset start, TimeZoneInfo zone, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(calendar);

        try
        {
            return Add(start, zone, calendar);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new InvalidOperationException(
                $"{this} after {start.ToUniversalTime():yyyy-MM-dd HH:mm} UTC is past 9999-12-31, the last date the calendar holds.");
        }
    }

    private DateTimeOffset Add(DateTimeOffset start, TimeZoneInfo zone, BusinessCalendar calendar)
    {
        var result = start.ToUniversalTime();
        if (Years > 0 || Months > 0 || Days > 0 || BusinessDays > 0)
        {
            var local = ZonedTime.ToLocal(start, zone);
            var moved = local.AddYears(Years).AddMonths(Months).AddDays(Days);
            if (BusinessDays > 0)
            {
                var date = calendar.AddBusinessDays(DateOnly.FromDateTime(moved), BusinessDays);
                moved = date.ToDateTime(TimeOnly.FromDateTime(moved));
            }

            result = ZonedTime.ToUtc(moved, zone);
        }

        return result + Time;
    }

    private static void Append(StringBuilder text, long amount, string unit)
    {
        if (amount > 0)
        {
            text.Append(amount).Append(unit);
        }
    }
}
