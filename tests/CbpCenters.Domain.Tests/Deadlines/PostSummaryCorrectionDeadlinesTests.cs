using CbpCenters.Domain.Deadlines;

namespace CbpCenters.Domain.Tests.Deadlines;

public sealed class PostSummaryCorrectionDeadlinesTests
{
    private static readonly DateOnly EntryDate = new(2026, 1, 5);
    private static readonly DateOnly UsualLiquidation = new(2026, 11, 20);
    private static readonly DateOnly EarlyLiquidation = new(2026, 6, 12);
    private static readonly EntrySummaryStatus AcceptedAndPaid = new(IsAccepted: true, IsPaid: true, IsUnderCbpReview: false);

    private readonly PostSummaryCorrectionDeadlines _deadlines = new();

    [Fact]
    public void The_300_day_limit_binds_when_liquidation_is_scheduled_as_usual()
    {
        // Entry + 300 = November 1; liquidation − 15 = November 5.
        Assert.Equal(new DateOnly(2026, 11, 1), _deadlines.LastFilingDate(EntryDate, UsualLiquidation));
    }

    [Fact]
    public void The_15_day_limit_binds_when_liquidation_is_scheduled_early()
    {
        Assert.Equal(new DateOnly(2026, 5, 28), _deadlines.LastFilingDate(EntryDate, EarlyLiquidation));
    }

    [Fact]
    public void A_PSC_filed_10_days_before_scheduled_liquidation_is_not_eligible()
    {
        var result = _deadlines.Check(EntryDate, EarlyLiquidation, new DateOnly(2026, 6, 2), AcceptedAndPaid);

        Assert.False(result.IsEligible);
        Assert.Equal(new DateOnly(2026, 5, 28), result.LastFilingDate);
        Assert.Equal(
            "a PSC must be filed at least 15 days before the scheduled liquidation on June 12, 2026, "
            + "so by May 28, 2026; this one was filed on June 2, 2026, 10 days before it",
            result.Reason);
    }

    [Fact]
    public void A_PSC_filed_on_the_last_day_is_eligible()
    {
        var result = _deadlines.Check(EntryDate, EarlyLiquidation, new DateOnly(2026, 5, 28), AcceptedAndPaid);

        Assert.True(result.IsEligible);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void A_PSC_filed_after_300_days_is_not_eligible_even_before_the_15_day_limit()
    {
        var result = _deadlines.Check(EntryDate, UsualLiquidation, new DateOnly(2026, 11, 2), AcceptedAndPaid);

        Assert.False(result.IsEligible);
        Assert.Equal(
            "a PSC must be filed within 300 days of the entry date, January 5, 2026, so by November 1, 2026; "
            + "this one was filed on November 2, 2026",
            result.Reason);
    }

    [Fact]
    public void A_PSC_filed_after_liquidation_says_so()
    {
        var result = _deadlines.Check(EntryDate, EarlyLiquidation, new DateOnly(2026, 6, 15), AcceptedAndPaid);

        Assert.False(result.IsEligible);
        Assert.EndsWith("this one was filed on June 15, 2026, after it was due to liquidate", result.Reason);
    }

    [Fact]
    public void A_PSC_cannot_be_filed_before_the_entry_date()
    {
        var result = _deadlines.Check(EntryDate, UsualLiquidation, new DateOnly(2026, 1, 2), AcceptedAndPaid);

        Assert.Equal("a PSC cannot be filed before the entry date, January 5, 2026", result.Reason);
    }

    [Theory]
    [InlineData(false, true, false, "a PSC can correct only an entry summary that CBP has accepted")]
    [InlineData(true, false, false, "a PSC can correct only an entry summary that has been paid")]
    [InlineData(true, true, true, "a PSC cannot be filed while CBP is reviewing the entry summary (for example while a Request for Information or Notice of Action is open)")]
    public void The_entry_summary_must_be_accepted_paid_and_not_under_review(bool accepted, bool paid, bool underReview, string reason)
    {
        var status = new EntrySummaryStatus(accepted, paid, underReview);

        var result = _deadlines.Check(EntryDate, UsualLiquidation, new DateOnly(2026, 3, 2), status);

        Assert.False(result.IsEligible);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void A_liquidation_scheduled_before_the_entry_is_a_caller_error()
    {
        Assert.Throws<ArgumentException>(
            () => _deadlines.Check(EntryDate, EntryDate.AddDays(-1), EntryDate, AcceptedAndPaid));
    }
}
