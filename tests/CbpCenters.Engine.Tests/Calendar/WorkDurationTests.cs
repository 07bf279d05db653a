using CbpCenters.Engine.Calendar;

namespace CbpCenters.Engine.Tests.Calendar;

public sealed class WorkDurationTests
{
    private static readonly TimeSpan Est = TimeSpan.FromHours(-5);
    private static readonly TimeSpan Edt = TimeSpan.FromHours(-4);
    private static readonly TimeZoneInfo NewYork = CenterTimeZones.Find("America/New_York");
    private static readonly BusinessCalendar Calendar = new();

    [Theory]
    [InlineData("P5BD", 0, 0, 0, 5, 0)]
    [InlineData("P30D", 0, 0, 30, 0, 0)]
    [InlineData("P2Y", 2, 0, 0, 0, 0)]
    [InlineData("P1M", 0, 1, 0, 0, 0)]
    [InlineData("P1W", 0, 0, 7, 0, 0)]
    [InlineData("PT4H", 0, 0, 0, 0, 4 * 3600)]
    [InlineData("PT30M", 0, 0, 0, 0, 30 * 60)]
    [InlineData("P1DT2H", 0, 0, 1, 0, 2 * 3600)]
    [InlineData("P1Y2M", 1, 2, 0, 0, 0)]
    [InlineData("P2BDT4H", 0, 0, 0, 2, 4 * 3600)]
    [InlineData("P1Y2M1W3DT4H5M6S", 1, 2, 10, 0, (4 * 3600) + (5 * 60) + 6)]
    [InlineData(" p5bd ", 0, 0, 0, 5, 0)]
    public void Parse_reads_each_part(string text, int years, int months, int days, int businessDays, int seconds)
    {
        var duration = WorkDuration.Parse(text);

        Assert.Equal(years, duration.Years);
        Assert.Equal(months, duration.Months);
        Assert.Equal(days, duration.Days);
        Assert.Equal(businessDays, duration.BusinessDays);
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration.Time);
    }

    [Theory]
    [InlineData("P5BD", "P5BD")]
    [InlineData("P1Y2M", "P1Y2M")]
    [InlineData("P2BDT4H", "P2BDT4H")]
    [InlineData("P1DT2H", "P1DT2H")]
    [InlineData("P1W", "P7D")]
    [InlineData("PT90M", "PT1H30M")]
    [InlineData("PT0S", "P0D")]
    [InlineData("p1y2m3dt4h5m6s", "P1Y2M3DT4H5M6S")]
    public void ToString_writes_the_canonical_text_which_parses_back_to_an_equal_value(string text, string canonical)
    {
        var duration = WorkDuration.Parse(text);

        Assert.Equal(canonical, duration.ToString());
        Assert.Equal(duration, WorkDuration.Parse(duration.ToString()));
    }

    [Theory]
    [InlineData("P5X", "'P5X' is not a duration: expected ISO-8601 like P30D, P5BD or PT4H")]
    [InlineData("5D", "'5D' is not a duration: expected ISO-8601 like P30D, P5BD or PT4H")]
    [InlineData("P", "'P' is not a duration: expected ISO-8601 like P30D, P5BD or PT4H")]
    [InlineData("-P5D", "'-P5D' is not a duration: negative durations are not allowed")]
    [InlineData("P1D2BD", "'P1D2BD' is not a duration: business days (BD) may be combined only with a time part, as in P2BDT4H")]
    [InlineData("P1M5BD", "'P1M5BD' is not a duration: business days (BD) may be combined only with a time part, as in P2BDT4H")]
    [InlineData("P5BD1D", "'P5BD1D' is not a duration: business days (BD) may be combined only with a time part, as in P2BDT4H")]
    [InlineData("P2M1Y", "'P2M1Y' is not a duration: each unit may appear once, in the order Y, M, W, D (or BD), then T with H, M, S")]
    [InlineData("P1D1D", "'P1D1D' is not a duration: each unit may appear once, in the order Y, M, W, D (or BD), then T with H, M, S")]
    [InlineData("PT", "'PT' is not a duration: T must be followed by hours, minutes or seconds, as in PT4H")]
    [InlineData("P4H", "'P4H' is not a duration: hours, minutes and seconds belong after T, as in PT4H or PT30M")]
    [InlineData("PT1D", "'PT1D' is not a duration: years, weeks, days and business days belong before T, as in P1DT2H")]
    [InlineData("P1.5D", "'P1.5D' is not a duration: fractions are not allowed; use a smaller unit, as in PT36H for a day and a half")]
    [InlineData("P5", "'P5' is not a duration: 5 has no unit; units are Y, M, W, D, BD, and after T: H, M, S")]
    [InlineData("P99999999999D", "'P99999999999D' is not a duration: no part may be more than 100 years (at most 100Y, 1200M, 5200W, 36500D or 26000BD, and after T 876000H, 52560000M or 3153600000S)")]
    [InlineData("PT2147483647H", "'PT2147483647H' is not a duration: no part may be more than 100 years (at most 100Y, 1200M, 5200W, 36500D or 26000BD, and after T 876000H, 52560000M or 3153600000S)")]
    [InlineData("", "a duration is required: expected ISO-8601 like P30D, P5BD or PT4H")]
    [InlineData(null, "a duration is required: expected ISO-8601 like P30D, P5BD or PT4H")]
    public void TryParse_names_the_rule_a_bad_duration_breaks(string? text, string expectedError)
    {
        var parsed = WorkDuration.TryParse(text, out var value, out var error);

        Assert.False(parsed);
        Assert.Equal(expectedError, error);
        Assert.Equal(WorkDuration.Zero, value);
    }

    [Theory]
    [InlineData("P101Y", "P100Y")]
    [InlineData("P1201M", "P1200M")]
    [InlineData("P5201W", "P5200W")]
    [InlineData("P36501D", "P36500D")]
    [InlineData("P26001BD", "P26000BD")]
    [InlineData("PT876001H", "PT876000H")]
    [InlineData("PT52560001M", "PT52560000M")]
    [InlineData("PT3153600001S", "PT3153600000S")]
    [InlineData("P99999Y", "P100Y2M")]
    [InlineData("P1Y99999999999999999999D", "P1Y36500D")]
    public void A_part_of_more_than_a_hundred_years_is_refused_and_a_hundred_years_is_not(string tooLong, string longest)
    {
        Assert.False(WorkDuration.TryParse(tooLong, out _, out var error));
        Assert.Equal($"'{tooLong}' is not a duration: no part may be more than 100 years (at most 100Y, 1200M, 5200W, 36500D or 26000BD, and after T 876000H, 52560000M or 3153600000S)", error);
        Assert.True(WorkDuration.TryParse(longest, out _, out error), error);
    }

    [Fact]
    public void A_due_date_past_the_last_day_of_the_calendar_is_refused_in_words()
    {
        var christmas9999 = new DateTimeOffset(9999, 12, 24, 9, 0, 0, Est);

        var tooLate = Assert.Throws<InvalidOperationException>(() => WorkDuration.Parse("P10BD").AddTo(christmas9999, NewYork, Calendar));
        Assert.Equal("P10BD after 9999-12-24 14:00 UTC is past 9999-12-31, the last date the calendar holds.", tooLate.Message);
        Assert.Throws<InvalidOperationException>(() => WorkDuration.Parse("P1M").AddTo(christmas9999, NewYork, Calendar));
        Assert.Throws<InvalidOperationException>(() => WorkDuration.Parse("PT240H").AddTo(christmas9999, NewYork, Calendar));
    }

    [Fact]
    public void Parse_throws_a_FormatException_carrying_the_rule()
    {
        var error = Assert.Throws<FormatException>(() => WorkDuration.Parse("P5X"));

        Assert.Equal("'P5X' is not a duration: expected ISO-8601 like P30D, P5BD or PT4H", error.Message);
    }

    [Fact]
    public void The_constructor_refuses_business_days_mixed_with_days()
    {
        Assert.Throws<ArgumentException>(() => new WorkDuration(days: 1, businessDays: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkDuration(days: -1));
    }

    [Fact]
    public void IsZero_only_for_a_duration_with_no_parts()
    {
        Assert.True(WorkDuration.Zero.IsZero);
        Assert.True(WorkDuration.Parse("P0D").IsZero);
        Assert.False(WorkDuration.Parse("PT1S").IsZero);
        Assert.False(WorkDuration.Parse("P1BD").IsZero);
    }

    [Fact]
    public void Thirty_calendar_days_cross_weekends_and_holidays()
    {
        var start = new DateTimeOffset(2026, 11, 20, 9, 0, 0, Est);

        var due = WorkDuration.Parse("P30D").AddTo(start, NewYork, Calendar);

        Assert.Equal(new DateTimeOffset(2026, 12, 20, 9, 0, 0, Est), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void A_month_after_January_31_is_the_last_day_of_February()
    {
        var start = new DateTimeOffset(2026, 1, 31, 12, 0, 0, Est);

        var due = WorkDuration.Parse("P1M").AddTo(start, NewYork, Calendar);

        Assert.Equal(new DateTimeOffset(2026, 2, 28, 12, 0, 0, Est), due);
    }

    [Fact]
    public void Days_keep_the_local_time_of_day_across_DST_but_hours_are_elapsed_time()
    {
        var saturdayMidnight = new DateTimeOffset(2026, 3, 7, 0, 0, 0, Est);

        var oneDayTwoHours = WorkDuration.Parse("P1DT2H").AddTo(saturdayMidnight, NewYork, Calendar);
        var twentySixHours = WorkDuration.Parse("PT26H").AddTo(saturdayMidnight, NewYork, Calendar);

        // Sunday March 8 00:00 EST, then two real hours: 03:00 EDT, because 02:00 never happens.
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 0, 0, Edt), oneDayTwoHours);
        // Twenty-six real hours after Saturday midnight is Sunday 03:00 EDT as well.
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 0, 0, Edt), twentySixHours);
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 4, 0, 0, Est),
            WorkDuration.Parse("PT4H").AddTo(saturdayMidnight, NewYork, Calendar));
    }

    [Fact]
    public void A_local_time_skipped_by_spring_forward_moves_forward_by_the_gap()
    {
        var saturdayTwoThirty = new DateTimeOffset(2026, 3, 7, 2, 30, 0, Est);

        var due = WorkDuration.Parse("P1D").AddTo(saturdayTwoThirty, NewYork, Calendar);

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 30, 0, Edt), due);
    }

    [Fact]
    public void A_local_time_repeated_by_fall_back_takes_its_first_occurrence()
    {
        var saturdayOneThirty = new DateTimeOffset(2026, 10, 31, 1, 30, 0, Edt);

        var due = WorkDuration.Parse("P1D").AddTo(saturdayOneThirty, NewYork, Calendar);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 1, 30, 0, Edt), due);
    }

    [Fact]
    public void Business_days_then_hours_from_a_Friday_before_Thanksgiving()
    {
        var fridayNoon = new DateTimeOffset(2026, 11, 20, 12, 0, 0, Est);

        var due = WorkDuration.Parse("P5BDT4H").AddTo(fridayNoon, NewYork, Calendar);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, Est), due);
    }
}
