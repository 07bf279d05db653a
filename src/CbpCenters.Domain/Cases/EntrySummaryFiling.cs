using System.Text.Json.Nodes;
using CbpCenters.Domain.Deadlines;
using CbpCenters.Domain.Routing;

namespace CbpCenters.Domain.Cases;

/// <summary>An entry summary (CBP Form 7501) transmitted from ACE for validation.</summary>
public sealed record EntrySummaryFiling(
    string? EntryNumber, DateOnly? EntryDate, string? EntryType, string? PortCode, string? ImporterNumber, string? ImporterName,
    string? FilerName, string? FilerEmail, List<GoodsLine>? Lines)
{
    public CaseOpening Open(DateOnly today, StatutoryPeriods periods)
    {
        var entry = Filing.Entry(EntryNumber, "entryNumber");
        var entryDate = Filing.Required(EntryDate, "entryDate");
        Filing.NotAfter(entryDate, today, "entryDate");
        var port = Filing.Port(PortCode, "portCode");
        var entryType = Filing.EntryType(EntryType, "entryType");
        Filing.IfGiven(ImporterName, "importerName", Filing.NameLength);
        Filing.Optional(FilerName, "filerName", Filing.NameLength);
        Filing.OptionalEmail(FilerEmail, "filerEmail");
        if (Lines is not { Count: > 0 }) throw new CaseFieldException("lines", "an entry summary has at least one line (HTS number and value).");
        var lines = Filing.Lines(Lines, "lines");
        var schedule = new LiquidationSchedule(periods);
        var liquidation = schedule.ScheduledLiquidation(entryDate);
        var deemed = schedule.DeemedLiquidation(entryDate);
        var data = new JsonObject
        {
            ["entryNumber"] = entry.Value,
            ["filerCode"] = entry.FilerCode,
            ["entryDate"] = Filing.Date(entryDate),
            ["entryType"] = entryType,
            ["portCode"] = port.Value,
            ["lines"] = new JsonArray([.. lines.Select((l, i) => (JsonNode)new JsonObject
            {
                ["htsNumber"] = l.HtsNumber, ["value"] = l.Value, ["description"] = Lines[i].Description?.Trim(),
            })]),
            ["totalValue"] = lines.Sum(l => l.Value),
            ["liquidationDate"] = Filing.Date(liquidation),
            ["deemedLiquidationDate"] = Filing.Date(deemed),
            ["extensionCount"] = 0,
        };
        var deadlines = new List<CaseDeadline>
        {
            new("Scheduled liquidation", liquidation, false, "CBP practice: about 314 days after entry, on a Friday"),
            new("Deemed liquidation", deemed, true, "19 U.S.C. 1504(a): deemed liquidated 1 year after entry unless extended"),
        };
        return new CaseOpening(CaseKinds.EntrySummary, entry.Value, data, deadlines, lines);
    }
}
