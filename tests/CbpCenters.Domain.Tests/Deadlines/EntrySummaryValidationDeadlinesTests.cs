using CbpCenters.Domain.Deadlines;

namespace CbpCenters.Domain.Tests.Deadlines;

public sealed class EntrySummaryValidationDeadlinesTests
{
    private readonly EntrySummaryValidationDeadlines _deadlines = new();

    [Fact]
    public void A_Request_for_Information_is_answered_within_30_days()
    {
        Assert.Equal(new DateOnly(2026, 4, 1), _deadlines.RequestForInformationDue(new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void A_Notice_of_Action_is_answered_within_20_calendar_days_even_when_that_is_a_Sunday()
    {
        Assert.Equal(new DateOnly(2026, 3, 22), _deadlines.NoticeOfActionResponseDue(new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void Configured_periods_replace_the_defaults()
    {
        var deadlines = new EntrySummaryValidationDeadlines(new StatutoryPeriods { NoticeOfActionDays = 30 });

        Assert.Equal(new DateOnly(2026, 4, 1), deadlines.NoticeOfActionResponseDue(new DateOnly(2026, 3, 2)));
    }
}
