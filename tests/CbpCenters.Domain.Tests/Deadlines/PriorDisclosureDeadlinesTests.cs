using CbpCenters.Domain.Deadlines;

namespace CbpCenters.Domain.Tests.Deadlines;

public sealed class PriorDisclosureDeadlinesTests
{
    private readonly PriorDisclosureDeadlines _deadlines = new();

    [Fact]
    public void An_oral_disclosure_is_confirmed_in_writing_within_10_days()
    {
        Assert.Equal(new DateOnly(2026, 3, 12), _deadlines.WrittenConfirmationDue(new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void Missing_information_is_due_in_30_days_plus_any_extension()
    {
        Assert.Equal(new DateOnly(2026, 4, 1), _deadlines.PerfectionDue(new DateOnly(2026, 3, 2)));
        Assert.Equal(new DateOnly(2026, 5, 1), _deadlines.PerfectionDue(new DateOnly(2026, 3, 2), extensionDays: 30));
    }

    [Fact]
    public void The_loss_of_duties_is_tendered_within_30_days_of_the_notice()
    {
        Assert.Equal(new DateOnly(2026, 8, 14), _deadlines.TenderDue(new DateOnly(2026, 7, 15)));
    }
}
