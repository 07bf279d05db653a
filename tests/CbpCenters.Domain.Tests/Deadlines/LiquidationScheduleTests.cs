using CbpCenters.Domain.Deadlines;

namespace CbpCenters.Domain.Tests.Deadlines;

public sealed class LiquidationScheduleTests
{
    private readonly LiquidationSchedule _schedule = new();

    [Theory]
    [InlineData(2026, 1, 5, 2026, 11, 20)]  // entry + 314 = Sunday November 15, moved to Friday November 20
    [InlineData(2026, 1, 2, 2026, 11, 13)]  // entry + 314 = Thursday November 12, moved to Friday November 13
    [InlineData(2026, 1, 3, 2026, 11, 13)]  // entry + 314 is already a Friday
    public void Liquidation_is_scheduled_on_the_Friday_on_or_after_314_days(int y, int m, int d, int ly, int lm, int ld)
    {
        var scheduled = _schedule.ScheduledLiquidation(new DateOnly(y, m, d));

        Assert.Equal(new DateOnly(ly, lm, ld), scheduled);
        Assert.Equal(DayOfWeek.Friday, scheduled.DayOfWeek);
    }

    [Fact]
    public void An_entry_is_deemed_liquidated_one_year_after_entry()
    {
        Assert.Equal(new DateOnly(2027, 1, 5), _schedule.DeemedLiquidation(new DateOnly(2026, 1, 5)));
        Assert.Equal(new DateOnly(2025, 2, 28), _schedule.DeemedLiquidation(new DateOnly(2024, 2, 29)));
    }

    [Fact]
    public void Each_extension_adds_a_year_up_to_three()
    {
        Assert.Equal(new DateOnly(2030, 1, 5), _schedule.DeemedLiquidation(new DateOnly(2026, 1, 5), extensions: 3));

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => _schedule.DeemedLiquidation(new DateOnly(2026, 1, 5), extensions: 4));
        Assert.Contains("at most 3 times", error.Message);
    }
}
