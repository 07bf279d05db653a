using System.Text.Json.Nodes;
using CbpCenters.Domain.Deadlines;
using CbpCenters.Domain.Identifiers;
using CbpCenters.Domain.Routing;

namespace CbpCenters.Domain.Cases;

public sealed record ProtestedEntry(string? EntryNumber, DateOnly? EntryDate, DateOnly? LiquidationDate);

/// <summary>One category of CBP Form 19: the decision protested, the claim, and its justification.</summary>
public sealed record ProtestCategory(string? DecisionProtested, string? Claim, string? Justification);

/// <summary>A protest as filed on CBP Form 19 or in the ACE Protest Module (19 CFR 174.13).</summary>
public sealed record ProtestFiling(
    string? ProtestNumber, DateOnly? FiledOn, string? ImporterNumber, string? ImporterName, string? Protestant, string? Agent,
    string? FilerName, string? FilerEmail, List<ProtestedEntry>? Entries, string? MerchandiseDescription,
    List<ProtestCategory>? Categories, bool AcceleratedDisposition, DateOnly? AcceleratedDispositionRequestedOn,
    bool FurtherReview, string? FurtherReviewCriteria, List<GoodsLine>? Lines)
{
    /// <summary>
    /// Validates the filing and computes its law: the 180-day window after each liquidation (timeliness), the
    /// 2-year decision limit, and, when requested, the 30-day accelerated disposition.
    /// </summary>
    public CaseOpening Open(DateOnly today, StatutoryPeriods periods)
    {
        var number = Identifiers.ProtestNumber.TryParse(Filing.Required(ProtestNumber, "protestNumber"), out var n, out var error)
            ? n : throw new CaseFieldException("protestNumber", error!);
        var filedOn = Filing.Required(FiledOn, "filedOn");
        Filing.NotAfter(filedOn, today, "filedOn");
        Filing.IfGiven(ImporterName, "importerName", Filing.NameLength);
        Filing.Optional(FilerName, "filerName", Filing.NameLength);
        Filing.OptionalEmail(FilerEmail, "filerEmail");
        if (Entries is not { Count: > 0 }) throw new CaseFieldException("entries", "a protest names at least one entry.");
        if (Categories is not { Count: > 0 }) throw new CaseFieldException("categories", "a protest states at least one decision protested and its claim.");
        var deadlines = new ProtestDeadlines(periods);

        var entries = new JsonArray();
        var untimely = new List<string>();
        DateOnly? windowCloses = null;
        for (var i = 0; i < Entries.Count; i++)
        {
            var entry = Filing.Entry(Entries[i].EntryNumber, $"entries[{i}].entryNumber");
            var liquidated = Filing.Required(Entries[i].LiquidationDate, $"entries[{i}].liquidationDate");
            var closes = deadlines.FilingWindowCloses(liquidated);
            windowCloses = windowCloses is null || closes < windowCloses ? closes : windowCloses;
            var timely = deadlines.IsTimely(liquidated, filedOn);
            if (!timely) untimely.Add($"{entry.Value} (liquidated {liquidated:yyyy-MM-dd}; the window closed {closes:yyyy-MM-dd})");
            entries.Add(new JsonObject
            {
                ["entryNumber"] = entry.Value,
                ["entryDate"] = Entries[i].EntryDate is { } d ? Filing.Date(d) : null,
                ["liquidationDate"] = Filing.Date(liquidated),
                ["filingWindowCloses"] = Filing.Date(closes),
                ["timely"] = timely,
            });
        }
        var categories = new JsonArray();
        for (var i = 0; i < Categories.Count; i++)
            categories.Add(new JsonObject
            {
                ["decisionProtested"] = Filing.Required(Categories[i].DecisionProtested, $"categories[{i}].decisionProtested"),
                ["claim"] = Filing.Required(Categories[i].Claim, $"categories[{i}].claim"),
                ["justification"] = Filing.Optional(Categories[i].Justification, $"categories[{i}].justification"),
            });

        var decisionLimit = deadlines.DecisionLimit(filedOn);
        var list = new List<CaseDeadline>
        {
            new("Decision limit", decisionLimit, true, "19 CFR 174.21(a): allow or deny within 2 years of filing"),
        };
        var data = new JsonObject
        {
            ["protestNumber"] = number.Value,
            ["portCode"] = number.PortCode.Value,
            ["filedOn"] = Filing.Date(filedOn),
            ["protestant"] = Filing.Required(Protestant ?? ImporterName, "protestant", Filing.NameLength),
            ["agent"] = Filing.Optional(Agent, "agent", Filing.NameLength),
            ["merchandiseDescription"] = Filing.Optional(MerchandiseDescription, "merchandiseDescription"),
            ["entries"] = entries,
            ["entryNumbers"] = Filing.Strings(entries.Select(e => e!["entryNumber"]!.GetValue<string>())),
            ["categories"] = categories,
            ["timely"] = untimely.Count == 0,
            ["untimelyReason"] = untimely.Count == 0 ? null : "Filed after the 180-day window (19 CFR 174.12(e)) for: " + string.Join("; ", untimely),
            ["filingWindowCloses"] = Filing.Date(windowCloses!.Value),
            ["decisionLimit"] = Filing.Date(decisionLimit),
            ["acceleratedDisposition"] = AcceleratedDisposition,
            ["furtherReview"] = FurtherReview,
            ["furtherReviewCriteria"] = FurtherReview ? Filing.Required(FurtherReviewCriteria, "furtherReviewCriteria") : null,
        };
        if (AcceleratedDisposition)
        {
            var requested = AcceleratedDispositionRequestedOn ?? filedOn;
            if (requested < filedOn) throw new CaseFieldException("acceleratedDispositionRequestedOn", "accelerated disposition cannot be requested before the protest is filed.");
            var due = deadlines.AcceleratedDispositionDue(requested);
            data["acceleratedDispositionRequestedOn"] = Filing.Date(requested);
            data["acceleratedDispositionDeadline"] = Filing.Date(due);
            data["acceleratedDispositionDeemedDenied"] = Filing.Date(deadlines.AcceleratedDispositionDeemedDenied(requested));
            list.Add(new("Accelerated disposition", due, true, "19 CFR 174.22: deemed denied if not decided within 30 days of the request"));
        }
        return new CaseOpening(CaseKinds.Protest, number.Value, data, list, Filing.Lines(Lines, "lines"));
    }
}
