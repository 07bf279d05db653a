using CbpCenters.Domain.Deadlines;

namespace CbpCenters.Domain.Tests.Deadlines;

public sealed class ProtestDeadlinesTests
{
    private readonly ProtestDeadlines _deadlines = new();

    [Fact]
    public void The_filing_window_closes_180_calendar_days_after_liquidation()
    {
        Assert.Equal(new DateOnly(2026, 9, 2), _deadlines.FilingWindowCloses(new DateOnly(2026, 3, 6)));
    }

    [Theory]
    [InlineData(2026, 3, 6, true)]    // on the day of liquidation
    [InlineData(2026, 9, 2, true)]    // on the 180th day
    [InlineData(2026, 9, 3, false)]   // a day late
    [InlineData(2026, 3, 5, false)]   // before liquidation: "within 180 days after but not before"
    public void IsTimely_accepts_only_protests_filed_inside_the_window(int year, int month, int day, bool timely)
    {
        Assert.Equal(timely, _deadlines.IsTimely(new DateOnly(2026, 3, 6), new DateOnly(year, month, day)));
    }

    [Fact]
    public void The_director_decides_within_two_years_of_filing()
    {
        Assert.Equal(new DateOnly(2028, 8, 31), _deadlines.DecisionLimit(new DateOnly(2026, 8, 31)));
        Assert.Equal(new DateOnly(2026, 2, 28), _deadlines.DecisionLimit(new DateOnly(2024, 2, 29)));
    }

    [Fact]
    public void Accelerated_disposition_is_deemed_denied_on_the_31st_day_after_the_request()
    {
        var requestedOn = new DateOnly(2026, 3, 2);

        Assert.Equal(new DateOnly(2026, 4, 1), _deadlines.AcceleratedDispositionDue(requestedOn));
        Assert.Equal(new DateOnly(2026, 4, 2), _deadlines.AcceleratedDispositionDeemedDenied(requestedOn));
    }

    [Fact]
    public void The_court_deadline_is_180_calendar_days_after_the_decision_even_on_a_Sunday()
    {
        Assert.Equal(new DateOnly(2027, 3, 14), _deadlines.CourtDeadline(new DateOnly(2026, 9, 15)));
    }

    [Fact]
    public void Configured_periods_replace_the_statutory_defaults()
    {
        var periods = new StatutoryPeriods { ProtestFilingDays = 90 };
        var deadlines = new ProtestDeadlines(periods);
        periods.ProtestFilingDays = 10;

        Assert.Equal(new DateOnly(2026, 6, 4), deadlines.FilingWindowCloses(new DateOnly(2026, 3, 6)));
    }
}
