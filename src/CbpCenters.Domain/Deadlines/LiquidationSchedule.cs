namespace CbpCenters.Domain.Deadlines;

/// <summary>
/// When an entry liquidates. CBP usually schedules liquidation about 314 days after entry, on a Friday;
/// by law an entry not liquidated within 1 year of entry is deemed liquidated (19 U.S.C. 1504(a)), unless
/// liquidation is extended, 1 year at a time and at most 3 times (19 U.S.C. 1504(b)).
/// </summary>
public sealed class LiquidationSchedule
{
    private readonly StatutoryPeriods _periods;

    /// <param name="periods">The periods to apply; the statutory defaults when null. Copied, so later changes
    /// to the configuration object do not move dates this instance computes.</param>
    public LiquidationSchedule(StatutoryPeriods? periods = null)
    {
        _periods = periods is null ? new StatutoryPeriods() : periods with { };
    }

    /// <summary>The usual scheduled liquidation: entry + 314 days, moved to the Friday on or after that day.</summary>
    public DateOnly ScheduledLiquidation(DateOnly entryDate)
    {
        var target = entryDate.AddDays(_periods.LiquidationDaysAfterEntry);
        var daysToFriday = ((int)DayOfWeek.Friday - (int)target.DayOfWeek + 7) % 7;
        return target.AddDays(daysToFriday);
    }

    /// <summary>
    /// The day the entry is deemed liquidated if CBP has not liquidated it: 1 year after entry, plus
    /// 1 year for each extension granted.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Extensions are negative or more than the law allows (3).</exception>
    public DateOnly DeemedLiquidation(DateOnly entryDate, int extensions = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(extensions);
        if (extensions > _periods.MaxLiquidationExtensions)
        {
            throw new ArgumentOutOfRangeException(
                nameof(extensions),
                extensions,
                $"liquidation may be extended at most {_periods.MaxLiquidationExtensions} times");
        }

        return entryDate.AddYears(_periods.DeemedLiquidationYears + (extensions * _periods.LiquidationExtensionYears));
    }
}
