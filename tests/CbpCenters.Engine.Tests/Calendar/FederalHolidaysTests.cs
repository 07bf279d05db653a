using System.Globalization;
using CbpCenters.Engine.Calendar;

namespace CbpCenters.Engine.Tests.Calendar;

public sealed class FederalHolidaysTests
{
    [Fact]
    public void For_2026_lists_every_holiday_with_its_observed_day()
    {
        FederalHoliday[] expected =
        [
            new("New Year's Day", new(2026, 1, 1), new(2026, 1, 1)),
            new("Birthday of Martin Luther King, Jr.", new(2026, 1, 19), new(2026, 1, 19)),
            new("Washington's Birthday", new(2026, 2, 16), new(2026, 2, 16)),
            new("Memorial Day", new(2026, 5, 25), new(2026, 5, 25)),
            new("Juneteenth National Independence Day", new(2026, 6, 19), new(2026, 6, 19)),
            new("Independence Day", new(2026, 7, 4), new(2026, 7, 3)),
            new("Labor Day", new(2026, 9, 7), new(2026, 9, 7)),
            new("Columbus Day", new(2026, 10, 12), new(2026, 10, 12)),
            new("Veterans Day", new(2026, 11, 11), new(2026, 11, 11)),
            new("Thanksgiving Day", new(2026, 11, 26), new(2026, 11, 26)),
            new("Christmas Day", new(2026, 12, 25), new(2026, 12, 25)),
        ];

        Assert.Equal(expected, FederalHolidays.For(2026));
    }

    [Fact]
    public void For_2027_lists_every_holiday_with_its_observed_day()
    {
        FederalHoliday[] expected =
        [
            new("New Year's Day", new(2027, 1, 1), new(2027, 1, 1)),
            new("Birthday of Martin Luther King, Jr.", new(2027, 1, 18), new(2027, 1, 18)),
            new("Washington's Birthday", new(2027, 2, 15), new(2027, 2, 15)),
            new("Memorial Day", new(2027, 5, 31), new(2027, 5, 31)),
            new("Juneteenth National Independence Day", new(2027, 6, 19), new(2027, 6, 18)),
            new("Independence Day", new(2027, 7, 4), new(2027, 7, 5)),
            new("Labor Day", new(2027, 9, 6), new(2027, 9, 6)),
            new("Columbus Day", new(2027, 10, 11), new(2027, 10, 11)),
            new("Veterans Day", new(2027, 11, 11), new(2027, 11, 11)),
            new("Thanksgiving Day", new(2027, 11, 25), new(2027, 11, 25)),
            new("Christmas Day", new(2027, 12, 25), new(2027, 12, 24)),
        ];

        Assert.Equal(expected, FederalHolidays.For(2027));
    }

    [Fact]
    public void New_Years_Day_2028_on_a_Saturday_is_observed_on_Friday_December_31_2027()
    {
        var newYear = FederalHolidays.For(2028)[0];

        Assert.Equal(new DateOnly(2028, 1, 1), newYear.Date);
        Assert.Equal(new DateOnly(2027, 12, 31), newYear.Observed);
        Assert.True(FederalHolidays.IsObservedHoliday(new DateOnly(2027, 12, 31)));
    }

    [Theory]
    [InlineData("2026-07-03", true)]   // Independence Day observed (July 4 is a Saturday)
    [InlineData("2026-11-26", true)]   // Thanksgiving
    [InlineData("2027-06-18", true)]   // Juneteenth observed (June 19 is a Saturday)
    [InlineData("2027-07-05", true)]   // Independence Day observed (July 4 is a Sunday)
    [InlineData("2027-12-24", true)]   // Christmas observed (December 25 is a Saturday)
    [InlineData("2027-12-31", true)]   // New Year's Day 2028 observed
    [InlineData("2026-07-04", false)]  // the legal date, but offices close on the Friday
    [InlineData("2026-11-27", false)]  // day after Thanksgiving is a working day
    [InlineData("2026-12-31", false)]  // New Year's Day 2027 is a Friday, observed on the day
    [InlineData("2027-12-25", false)]
    public void IsObservedHoliday_knows_the_days_offices_close(string date, bool closed)
    {
        Assert.Equal(closed, FederalHolidays.IsObservedHoliday(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Juneteenth_counts_only_from_2021_when_it_was_enacted()
    {
        Assert.Equal(10, FederalHolidays.For(2020).Count);
        Assert.False(FederalHolidays.IsObservedHoliday(new DateOnly(2020, 6, 19)));
        Assert.True(FederalHolidays.IsObservedHoliday(new DateOnly(2021, 6, 18)));
    }

    [Fact]
    public void Every_year_has_eleven_holidays_each_observed_on_a_weekday()
    {
        for (var year = 2021; year <= 2100; year++)
        {
            var holidays = FederalHolidays.For(year);

            Assert.Equal(11, holidays.Count);
            Assert.All(holidays, h => Assert.True(
                h.Observed.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
                $"{h.Name} {year} observed on a {h.Observed.DayOfWeek}"));
        }
    }
}
