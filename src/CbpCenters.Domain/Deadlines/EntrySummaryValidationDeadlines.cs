namespace CbpCenters.Domain.Deadlines;

/// <summary>
/// Response deadlines of entry summary validation, also used in PSC reviews, in calendar days. Each date is
/// the last day on which the filer's answer is timely.
/// </summary>
public sealed class EntrySummaryValidationDeadlines
{
    private readonly StatutoryPeriods _periods;

    /// <param name="periods">The periods to apply; the statutory defaults when null. Copied, so later changes
    /// to the configuration object do not move deadlines this instance computes.</param>
    public EntrySummaryValidationDeadlines(StatutoryPeriods? periods = null)
    {
        _periods = periods is null ? new StatutoryPeriods() : periods with { };
    }

    /// <summary>The answer to a Request for Information (CBP Form 28) is due 30 days after it was sent.</summary>
    public DateOnly RequestForInformationDue(DateOnly sentOn) => sentOn.AddDays(_periods.RequestForInformationDays);

    /// <summary>The response to a Notice of Action (CBP Form 29) is due 20 days after it was sent.</summary>
    public DateOnly NoticeOfActionResponseDue(DateOnly sentOn) => sentOn.AddDays(_periods.NoticeOfActionDays);
}
