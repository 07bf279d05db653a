using System.Globalization;
using CbpCenters.Engine.Calendar;

namespace CbpCenters.Engine.Tests.Calendar;

public sealed class BusinessCalendarTests
{
    private static readonly TimeSpan Est = TimeSpan.FromHours(-5);
    private static readonly TimeSpan Edt = TimeSpan.FromHours(-4);
    private static readonly TimeZoneInfo NewYork = CenterTimeZones.Find("America/New_York");

    private readonly BusinessCalendar _calendar = new();

    [Theory]
    [InlineData("2026-11-25", true)]   // Wednesday before Thanksgiving
    [InlineData("2026-11-26", false)]  // Thanksgiving
    [InlineData("2026-11-28", false)]  // Saturday
    [InlineData("2026-11-29", false)]  // Sunday
    [InlineData("2026-07-03", false)]  // Independence Day observed on the Friday
    [InlineData("2027-12-31", false)]  // New Year's Day 2028 observed
    public void IsBusinessDay_skips_weekends_and_observed_holidays(string date, bool expected)
    {
        Assert.Equal(expected, _calendar.IsBusinessDay(Day(date)));
    }

    [Theory]
    [InlineData("2026-11-20", 1, "2026-11-23")]  // Friday + 1 = Monday
    [InlineData("2026-11-21", 1, "2026-11-23")]  // Saturday + 1 = Monday
    [InlineData("2026-11-21", 0, "2026-11-21")]  // + 0 is the start, even on a weekend
    [InlineData("2026-11-20", 5, "2026-11-30")]  // skips the weekend and Thanksgiving (Nov 26)
    [InlineData("2026-07-02", 1, "2026-07-06")]  // skips Independence Day observed on Friday July 3
    [InlineData("2027-12-23", 1, "2027-12-27")]  // skips Christmas observed on Friday Dec 24
    [InlineData("2027-12-30", 1, "2028-01-03")]  // skips New Year's Day 2028 observed on Friday Dec 31
    public void AddBusinessDays_counts_only_business_days(string start, int days, string expected)
    {
        Assert.Equal(Day(expected), _calendar.AddBusinessDays(Day(start), days));
    }

    [Fact]
    public void AddBusinessDays_refuses_a_negative_count()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddBusinessDays(Day("2026-11-20"), -1));
    }

    [Fact]
    public void Extra_closures_are_not_business_days()
    {
        var calendar = new BusinessCalendar([Day("2026-12-24")]);

        Assert.False(calendar.IsBusinessDay(Day("2026-12-24")));
        Assert.Equal(Day("2026-12-28"), calendar.AddBusinessDays(Day("2026-12-23"), 1));
        Assert.Equal(Day("2026-12-24"), _calendar.AddBusinessDays(Day("2026-12-23"), 1));
    }

    [Theory]
    [InlineData("2026-11-20", "2026-11-30", 5)]
    [InlineData("2026-11-30", "2026-11-20", -5)]  // a deadline passed five business days ago
    [InlineData("2026-11-20", "2026-11-20", 0)]
    [InlineData("2026-11-20", "2026-11-22", 0)]   // only the weekend in between
    public void BusinessDaysBetween_counts_after_the_start_up_to_the_end(string from, string to, int expected)
    {
        Assert.Equal(expected, _calendar.BusinessDaysBetween(Day(from), Day(to)));
    }

    [Fact]
    public void Adding_a_business_day_across_the_spring_DST_change_keeps_the_New_York_time_of_day()
    {
        var fridayFivePm = new DateTimeOffset(2026, 3, 6, 17, 0, 0, Est);

        var due = _calendar.AddBusinessDays(fridayFivePm, 1, NewYork);

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 17, 0, 0, Edt), due);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 21, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void Adding_a_business_day_across_the_autumn_DST_change_keeps_the_New_York_time_of_day()
    {
        var fridayNineAm = new DateTimeOffset(2026, 10, 30, 9, 0, 0, Edt);

        var due = _calendar.AddBusinessDays(fridayNineAm, 1, NewYork);

        Assert.Equal(new DateTimeOffset(2026, 11, 2, 14, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void The_same_instant_is_Friday_in_Los_Angeles_but_Saturday_in_Chicago()
    {
        var instant = new DateTimeOffset(2026, 3, 7, 6, 30, 0, TimeSpan.Zero);

        var losAngeles = _calendar.AddBusinessDays(instant, 1, CenterTimeZones.Find("America/Los_Angeles"));
        var chicago = _calendar.AddBusinessDays(instant, 1, CenterTimeZones.Find("America/Chicago"));

        // Los Angeles: Friday 22:30 PST + 1 = Monday March 9 22:30 PDT.
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 5, 30, 0, TimeSpan.Zero), losAngeles);
        // Chicago: Saturday 00:30 CST + 1 = Monday March 9 00:30 CDT.
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 5, 30, 0, TimeSpan.Zero), chicago);
    }

    [Fact]
    public void Holidays_are_judged_on_the_local_date_not_the_UTC_date()
    {
        // Wednesday November 25 2026, 16:00 in Los Angeles is already Thanksgiving in UTC.
        var instant = new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.FromHours(-8));

        var due = _calendar.AddBusinessDays(instant, 1, CenterTimeZones.Find("America/Los_Angeles"));

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.FromHours(-8)), due);
    }

    [Fact]
    public void Adding_zero_business_days_returns_the_same_instant_in_UTC()
    {
        // 01:30 EST on November 1 2026 is the second 01:30 of the night; it must not move an hour.
        var secondOneThirty = new DateTimeOffset(2026, 11, 1, 1, 30, 0, Est);

        var due = _calendar.AddBusinessDays(secondOneThirty, 0, NewYork);

        Assert.Equal(secondOneThirty, due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void AddCalendar_applies_a_work_duration()
    {
        var start = new DateTimeOffset(2026, 11, 20, 9, 0, 0, Est);

        var due = _calendar.AddCalendar(start, WorkDuration.Parse("P5BDT4H"), NewYork);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 13, 0, 0, Est), due);
    }

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}
