namespace CbpCenters.Domain.Deadlines;

/// <summary>
/// Protest deadlines (19 U.S.C. 1514/1515; 19 CFR Part 174), in calendar days. A "within N days after X"
/// period ends on X + N: that day is the last one on which the act is timely.
/// </summary>
public sealed class ProtestDeadlines
{
    private readonly StatutoryPeriods _periods;

    /// <param name="periods">The periods to apply; the statutory defaults when null. Copied, so later changes
    /// to the configuration object do not move deadlines this instance computes.</param>
    public ProtestDeadlines(StatutoryPeriods? periods = null)
    {
        _periods = periods is null ? new StatutoryPeriods() : periods with { };
    }

    /// <summary>The last day to file (or amend) a protest of a liquidation: 180 days after it.</summary>
    public DateOnly FilingWindowCloses(DateOnly liquidationDate) =>
        liquidationDate.AddDays(_periods.ProtestFilingDays);

    /// <summary>
    /// True when a protest filed on <paramref name="filedOn"/> is within the window: not before the
    /// liquidation (174.12(e) says "within 180 days after but not before") and not after the window closes.
    /// </summary>
    public bool IsTimely(DateOnly liquidationDate, DateOnly filedOn) =>
        filedOn >= liquidationDate && filedOn <= FilingWindowCloses(liquidationDate);

    /// <summary>The last day for the Center director to allow or deny the protest: 2 years after filing.</summary>
    public DateOnly DecisionLimit(DateOnly filedOn) => filedOn.AddYears(_periods.ProtestDecisionYears);

    /// <summary>The last day to decide a protest whose accelerated disposition was requested (mailed) on <paramref name="requestedOn"/>.</summary>
    public DateOnly AcceleratedDispositionDue(DateOnly requestedOn) =>
        requestedOn.AddDays(_periods.AcceleratedDispositionDays);

    /// <summary>
    /// The day an undecided protest under accelerated disposition is treated as denied: the day after the
    /// 30 days run out, "the thirty-first day following the date of mailing" (19 U.S.C. 1515(b); 174.22(d)).
    /// </summary>
    public DateOnly AcceleratedDispositionDeemedDenied(DateOnly requestedOn) =>
        AcceleratedDispositionDue(requestedOn).AddDays(1);

    /// <summary>The last day to contest a denial in the Court of International Trade: 180 days after the decision.</summary>
    public DateOnly CourtDeadline(DateOnly decisionDate) =>
        decisionDate.AddDays(_periods.CourtOfInternationalTradeDays);
}
