using CbpCenters.Engine.Calendar;
using CbpCenters.Engine.Tasks;

namespace CbpCenters.Engine.Tests.Tasks;

public sealed class EscalationPolicyTests
{
    private static readonly TimeZoneInfo NewYork = CenterTimeZones.Find("America/New_York");
    private static readonly BusinessCalendar Calendar = new();

    private static DateTimeOffset At(string moment, DateTimeOffset created, DateTimeOffset? due)
    {
        Assert.True(EscalationMoment.TryParse(moment, out var parsed, out var error), error);
        return parsed.InstantFor(created, due, NewYork, Calendar);
    }

    [Fact]
    public void Business_days_before_the_due_date_skip_the_weekend_and_Thanksgiving()
    {
        // Due Monday November 30 2026, 09:00 New York: two business days earlier are Friday the 27th and Wednesday
        // the 25th, Thanksgiving on the 26th not counting.
        var due = new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero), At("due-P2BD", due.AddDays(-20), due));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 14, 0, 0, TimeSpan.Zero), At("due+P2BD", due.AddDays(-20), due));
    }

    [Fact]
    public void A_share_of_the_time_that_falls_on_a_weekend_moves_back_to_the_Friday_before()
    {
        // Created Monday March 2 2026 09:00 EST, due Monday March 9 09:00 EDT: 75% of 167 hours is Saturday
        // 14:15 local, so the reminder goes out Friday 14:15.
        var created = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
        var due = new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 6, 19, 15, 0, TimeSpan.Zero), At("75%", created, due));
        Assert.Equal(due, At("100%", created, due));
        Assert.Equal(due, At("created+P5BD", created, null)); // 09:00 local on both sides of the DST change
    }

    [Theory]
    [InlineData("75")]
    [InlineData("0%")]
    [InlineData("101%")]
    [InlineData("due+")]
    [InlineData("due*P2BD")]
    [InlineData("created-P1BD")]
    [InlineData("later")]
    [InlineData("due+P5X")]
    [InlineData(null)]
    public void A_moment_that_is_not_one_of_the_forms_is_refused_with_a_reason(string? text)
    {
        Assert.False(EscalationMoment.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("75%")]
    [InlineData("due")]
    [InlineData("due+P10BD")]
    [InlineData("due-P2BD")]
    [InlineData("created+P5BD")]
    public void A_moment_reads_back_as_written(string text)
    {
        Assert.True(EscalationMoment.TryParse(text, out var moment, out _));
        Assert.Equal(text, moment.ToString());
    }

    [Fact]
    public void A_moment_relative_to_the_due_date_needs_one()
    {
        Assert.Throws<InvalidOperationException>(() => At("due", DateTimeOffset.UnixEpoch, null));
    }
}
