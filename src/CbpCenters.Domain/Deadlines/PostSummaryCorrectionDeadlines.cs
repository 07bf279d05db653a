using System.Globalization;

namespace CbpCenters.Domain.Deadlines;

/// <summary>
/// When a Post Summary Correction may be filed (19 CFR 101.9(b) test; 76 FR 37136): only before
/// liquidation, within 300 days of the entry date and at least 15 days before the scheduled liquidation
/// date, whichever comes first; and only against an accepted, paid entry summary not under CBP review.
/// All counts are calendar days.
/// </summary>
public sealed class PostSummaryCorrectionDeadlines
{
    private readonly StatutoryPeriods _periods;

    /// <param name="periods">The periods to apply; the statutory defaults when null. Copied, so later changes
    /// to the configuration object do not move deadlines this instance computes.</param>
    public PostSummaryCorrectionDeadlines(StatutoryPeriods? periods = null)
    {
        _periods = periods is null ? new StatutoryPeriods() : periods with { };
    }

    /// <summary>The last day a PSC may be filed: the earlier of entry + 300 days and scheduled liquidation − 15 days.</summary>
    public DateOnly LastFilingDate(DateOnly entryDate, DateOnly scheduledLiquidation)
    {
        var byEntry = LastDayAfterEntry(entryDate);
        var byLiquidation = LastDayBeforeLiquidation(scheduledLiquidation);
        return byEntry < byLiquidation ? byEntry : byLiquidation;
    }

    /// <summary>
    /// Whether a PSC filed on <paramref name="filedOn"/> is allowed. The timing rules are checked first,
    /// because a filer can do nothing about a missed date; the first rule broken gives the reason.
    /// </summary>
    /// <exception cref="ArgumentException">The scheduled liquidation is not after the entry date.</exception>
    public PscEligibility Check(DateOnly entryDate, DateOnly scheduledLiquidation, DateOnly filedOn, EntrySummaryStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (scheduledLiquidation <= entryDate)
        {
            throw new ArgumentException(
                $"the scheduled liquidation ({Format(scheduledLiquidation)}) must come after the entry date ({Format(entryDate)})",
                nameof(scheduledLiquidation));
        }

        var last = LastFilingDate(entryDate, scheduledLiquidation);
        var reason = TimingRuleBroken(entryDate, scheduledLiquidation, filedOn, last) ?? StatusRuleBroken(status);
        return reason is null ? PscEligibility.Eligible(last) : PscEligibility.NotEligible(last, reason);
    }

    private string? TimingRuleBroken(DateOnly entryDate, DateOnly scheduledLiquidation, DateOnly filedOn, DateOnly last)
    {
        if (filedOn < entryDate)
        {
            return $"a PSC cannot be filed before the entry date, {Format(entryDate)}";
        }

        if (filedOn <= last)
        {
            return null;
        }

        if (last == LastDayBeforeLiquidation(scheduledLiquidation))
        {
            var daysBefore = scheduledLiquidation.DayNumber - filedOn.DayNumber;
            var when = daysBefore > 0 ? $"{daysBefore} days before it" : "after it was due to liquidate";
            return $"a PSC must be filed at least {_periods.PscMinDaysBeforeLiquidation} days before the scheduled "
                + $"liquidation on {Format(scheduledLiquidation)}, so by {Format(last)}; "
                + $"this one was filed on {Format(filedOn)}, {when}";
        }

        return $"a PSC must be filed within {_periods.PscMaxDaysAfterEntry} days of the entry date, "
            + $"{Format(entryDate)}, so by {Format(last)}; this one was filed on {Format(filedOn)}";
    }

    private static string? StatusRuleBroken(EntrySummaryStatus status)
    {
        if (!status.IsAccepted)
        {
            return "a PSC can correct only an entry summary that CBP has accepted";
        }

        if (!status.IsPaid)
        {
            return "a PSC can correct only an entry summary that has been paid";
        }

        if (status.IsUnderCbpReview)
        {
            return "a PSC cannot be filed while CBP is reviewing the entry summary "
                + "(for example while a Request for Information or Notice of Action is open)";
        }

        return null;
    }

    private DateOnly LastDayAfterEntry(DateOnly entryDate) => entryDate.AddDays(_periods.PscMaxDaysAfterEntry);

    private DateOnly LastDayBeforeLiquidation(DateOnly scheduledLiquidation) =>
        scheduledLiquidation.AddDays(-_periods.PscMinDaysBeforeLiquidation);

    private static string Format(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
}
