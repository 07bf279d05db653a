namespace CbpCenters.Domain.Deadlines;

/// <summary>
/// Prior disclosure deadlines (19 U.S.C. 1592(c)(4); 19 CFR 162.74), in calendar days. Each date is the
/// last day on which the filer's act is timely.
/// </summary>
public sealed class PriorDisclosureDeadlines
{
    private readonly StatutoryPeriods _periods;

    /// <param name="periods">The periods to apply; the statutory defaults when null. Copied, so later changes
    /// to the configuration object do not move deadlines this instance computes.</param>
    public PriorDisclosureDeadlines(StatutoryPeriods? periods = null)
    {
        _periods = periods is null ? new StatutoryPeriods() : periods with { };
    }

    /// <summary>The last day to confirm an oral disclosure in writing: 10 days after it.</summary>
    public DateOnly WrittenConfirmationDue(DateOnly oralDisclosureOn) =>
        oralDisclosureOn.AddDays(_periods.PriorDisclosureWrittenConfirmationDays);

    /// <summary>
    /// The last day to supply information missing from the disclosure: 30 days after it, plus any
    /// extension the Center granted.
    /// </summary>
    public DateOnly PerfectionDue(DateOnly disclosedOn, int extensionDays = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(extensionDays);
        return disclosedOn.AddDays(_periods.PriorDisclosurePerfectionDays + extensionDays);
    }

    /// <summary>The last day to tender the computed loss of duties: 30 days after the notice of it.</summary>
    public DateOnly TenderDue(DateOnly noticeOfLossOn) => noticeOfLossOn.AddDays(_periods.TenderDays);
}
