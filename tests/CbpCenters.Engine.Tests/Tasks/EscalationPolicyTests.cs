using System.Text.Json.Nodes;
using CbpCenters.Engine.Calendar;
using CbpCenters.Engine.Tasks;

namespace CbpCenters.Engine.Tests.Tasks;

public sealed class EscalationPolicyTests
{
    private static readonly TimeZoneInfo NewYork = CenterTimeZones.Find("America/New_York");
    private static readonly BusinessCalendar Calendar = new();

    private static DateTimeOffset? At(string moment, DateTimeOffset created, DateTimeOffset? due, JsonObject? caseData = null)
    {
        Assert.True(EscalationMoment.TryParse(moment, out var parsed, out var error), error);
        return parsed.InstantFor(created, due, NewYork, Calendar, caseData);
    }

    [Fact]
    public void A_date_of_the_case_anchors_a_step_at_the_start_of_that_day_at_the_Center()
    {
        // A protest filed March 2 2026 must be decided by March 2 2028; sixty days before is Sunday January 2 2028,
        // midnight in New York, however late the review task was created.
        var protest = new JsonObject { ["decisionLimit"] = "2028-03-02", ["filedOn"] = "2026-03-02" };
        var created = new DateTimeOffset(2027, 6, 1, 14, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2028, 1, 2, 5, 0, 0, TimeSpan.Zero), At("case.decisionLimit-P60D", created, null, protest));
        Assert.Equal(new DateTimeOffset(2028, 3, 2, 5, 0, 0, TimeSpan.Zero), At("case.decisionLimit", created, null, protest));
        // Ten business days after filing: March 16 2026, after the switch to daylight time (UTC-4).
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 4, 0, 0, TimeSpan.Zero), At("case.filedOn+P10BD", created, null, protest));
        Assert.Null(At("case.liquidationDate-P15D", created, null, protest));
        // An instant counts by its date at the Center: 03:00 UTC on March 3 is still March 2 in New York.
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero), At("case.decidedAt", created, null, new JsonObject { ["decidedAt"] = "2026-03-03T03:00:00Z" }));
        Assert.Null(At("case.decisionLimit", created, null, null));
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
    [InlineData("case.")]
    [InlineData("case.decisionLimit*P2D")]
    [InlineData("case.decisionLimit-P2X")]
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
    [InlineData("case.decisionLimit")]
    [InlineData("case.decisionLimit-P60D")]
    [InlineData("case.filedOn+P10BD")]
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

    [Fact]
    public void A_moment_off_either_end_of_the_calendar_is_refused_in_words()
    {
        // A mistyped case date (year 9999, year 1) must fault the task's instance with a reason, not a .NET range error.
        var created = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
        var late = Assert.Throws<InvalidOperationException>(() => At("case.decisionLimit+P30D", created, null, new JsonObject { ["decisionLimit"] = "9999-12-20" }));
        Assert.Contains("past 9999-12-31", late.Message);
        var early = Assert.Throws<InvalidOperationException>(() => At("case.filedOn-P60D", created, null, new JsonObject { ["filedOn"] = "0001-01-10" }));
        Assert.Equal("Escalation at 'case.filedOn-P60D' falls outside the calendar (years 1 to 9999); check the date it counts from.", early.Message);
        Assert.Throws<InvalidOperationException>(() => At("due+P10BD", created, new DateTimeOffset(9999, 12, 28, 0, 0, 0, TimeSpan.Zero)));
    }
}
