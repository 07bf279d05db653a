using System.Globalization;
using System.Text.Json.Nodes;

namespace CbpCenters.Domain.Cases;

/// <summary>
/// A case's deadlines as they stand now: those set at filing, updated by what the workflow has since decided
/// (an extended liquidation) and joined by those a decision starts (the 180 days to contest a denial in the
/// Court of International Trade, the 30 days to tender a computed loss).
/// </summary>
public static class CurrentDeadlines
{
    public static IReadOnlyList<CaseDeadline> Of(IReadOnlyList<CaseDeadline> atFiling, JsonObject data)
    {
        var deadlines = atFiling.ToList();
        if (Date(data, "liquidationDate") is { } liquidation)
            deadlines = [.. deadlines.Select(d => d.Name == "Scheduled liquidation" && d.Date != liquidation ? d with { Date = liquidation, Source = d.Source + " (as extended)" } : d)];
        if (Date(data, "courtDeadline") is { } court)
            deadlines.Add(new("Court of International Trade", court, true, "19 CFR 174.31: a denial may be contested within 180 days of the decision"));
        if (Date(data, "tenderDue") is { } tender)
            deadlines.Add(new("Tender of the loss of duties", tender, true, "19 CFR 162.74: tender within 30 days of the notice of the computed loss"));
        return [.. deadlines.OrderBy(d => d.Date)];
    }

    private static DateOnly? Date(JsonObject data, string field) =>
        data[field] is JsonValue v && v.TryGetValue<string>(out var text)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
