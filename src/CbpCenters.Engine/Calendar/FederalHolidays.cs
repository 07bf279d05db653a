using System.Collections.Concurrent;

namespace CbpCenters.Engine.Calendar;

/// <summary>
/// The eleven U.S. federal holidays of 5 U.S.C. 6103, with the observance rule for federal employees:
/// a holiday on a Saturday is observed on the Friday before, one on a Sunday on the Monday after.
/// Follows the statute as amended in 2021: Juneteenth is included from 2021, Martin Luther King Jr.'s
/// birthday from 1986; earlier changes (such as Veterans Day in October, 1971–1977) are not modelled.
/// Closures ordered by executive order (for example Christmas Eve) are not holidays here; pass them to
/// <see cref="BusinessCalendar"/> as extra closures.
/// </summary>
public static class FederalHolidays
{
    private const int FirstJuneteenthYear = 2021;
    private const int FirstMartinLutherKingYear = 1986;

    private static readonly ConcurrentDictionary<int, IReadOnlyList<FederalHoliday>> ByYear = new();

    /// <summary>The holidays whose legal date falls in <paramref name="year"/>, in calendar order.</summary>
    public static IReadOnlyList<FederalHoliday> For(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, DateOnly.MinValue.Year);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);
        return ByYear.GetOrAdd(year, Compute);
    }

    /// <summary>
    /// True when federal offices are closed on <paramref name="date"/> for a holiday. Looks at the next
    /// year's New Year's Day too, so Friday, December 31 counts when January 1 is a Saturday.
    /// </summary>
    public static bool IsObservedHoliday(DateOnly date)
    {
        if (IsObservedIn(date.Year, date))
        {
            return true;
        }

        return date.Month == 12 && date.Year < DateOnly.MaxValue.Year && IsObservedIn(date.Year + 1, date);
    }

    private static bool IsObservedIn(int year, DateOnly date)
    {
        foreach (var holiday in For(year))
        {
            if (holiday.Observed == date)
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyList<FederalHoliday> Compute(int year)
    {
        var holidays = new List<FederalHoliday>(11)
        {
            Fixed("New Year's Day", year, 1, 1),
        };

        if (year >= FirstMartinLutherKingYear)
        {
            holidays.Add(Floating("Birthday of Martin Luther King, Jr.", Nth(year, 1, DayOfWeek.Monday, 3)));
        }

        holidays.Add(Floating("Washington's Birthday", Nth(year, 2, DayOfWeek.Monday, 3)));
        holidays.Add(Floating("Memorial Day", Last(year, 5, DayOfWeek.Monday)));

        if (year >= FirstJuneteenthYear)
        {
            holidays.Add(Fixed("Juneteenth National Independence Day", year, 6, 19));
        }

        holidays.Add(Fixed("Independence Day", year, 7, 4));
        holidays.Add(Floating("Labor Day", Nth(year, 9, DayOfWeek.Monday, 1)));
        holidays.Add(Floating("Columbus Day", Nth(year, 10, DayOfWeek.Monday, 2)));
        holidays.Add(Fixed("Veterans Day", year, 11, 11));
        holidays.Add(Floating("Thanksgiving Day", Nth(year, 11, DayOfWeek.Thursday, 4)));
        holidays.Add(Fixed("Christmas Day", year, 12, 25));

        return holidays.AsReadOnly();
    }

    private static FederalHoliday Fixed(string name, int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        return new FederalHoliday(name, date, ObservedDateOf(date));
    }

    private static FederalHoliday Floating(string name, DateOnly date) => new(name, date, date);

    private static DateOnly ObservedDateOf(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday when date != DateOnly.MinValue => date.AddDays(-1),
        DayOfWeek.Sunday when date != DateOnly.MaxValue => date.AddDays(1),
        _ => date,
    };

    private static DateOnly Nth(int year, int month, DayOfWeek dayOfWeek, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)dayOfWeek - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly Last(int year, int month, DayOfWeek dayOfWeek)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)dayOfWeek + 7) % 7;
        return last.AddDays(-offset);
    }
}
