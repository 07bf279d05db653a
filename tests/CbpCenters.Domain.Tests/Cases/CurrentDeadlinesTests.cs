using System.Text.Json.Nodes;
using CbpCenters.Domain.Cases;

namespace CbpCenters.Domain.Tests.Cases;

public sealed class CurrentDeadlinesTests
{
    private static readonly CaseDeadline Liquidation = new("Scheduled liquidation", new DateOnly(2026, 12, 4), true, "19 U.S.C. 1504");

    [Fact]
    public void A_decision_adds_the_court_deadline_and_an_extension_moves_the_liquidation()
    {
        var data = new JsonObject { ["courtDeadline"] = "2026-09-05", ["liquidationDate"] = "2027-12-03" };

        var current = CurrentDeadlines.Of([Liquidation], data);

        Assert.Equal(
            [("Court of International Trade", new DateOnly(2026, 9, 5)), ("Scheduled liquidation", new DateOnly(2027, 12, 3))],
            current.Select(d => (d.Name, d.Date)));
    }

    [Fact]
    public void Without_later_dates_the_filing_deadlines_stand() =>
        Assert.Equal([Liquidation], CurrentDeadlines.Of([Liquidation], new JsonObject { ["liquidationDate"] = "2026-12-04", ["tenderDue"] = "not a date" }));
}
