using System.Text.Json.Nodes;
using CbpCenters.Domain.Deadlines;
using CbpCenters.Domain.Routing;

namespace CbpCenters.Domain.Cases;

/// <summary>A post-summary correction: a new version of an accepted, paid entry summary, filed before liquidation.</summary>
public sealed record PostSummaryCorrectionFiling(
    string? EntryNumber, DateOnly? EntryDate, string? EntryType, DateOnly? ScheduledLiquidationDate, DateOnly? FiledOn,
    string? ImporterNumber, string? ImporterName, string? FilerName, string? FilerEmail, List<string>? ReasonCodes, string? Explanation,
    bool Accepted = true, bool Paid = true, bool UnderCbpReview = false, List<GoodsLine>? Lines = null)
{
    /// <summary>Entry types a PSC may correct (consumption, informal, warehouse, TIB...); others are refused as ineligible.</summary>
    public static readonly IReadOnlySet<string> EligibleEntryTypes = new HashSet<string> { "01", "02", "03", "06", "07", "11", "12", "21", "22", "23", "31", "32", "34", "38", "51", "52" };

    /// <summary>
    /// Validates the filing and decides eligibility (19 CFR 101.9(b) test): within 300 days of entry, at least
    /// 15 days before the scheduled liquidation, an eligible entry type, accepted, paid and not under CBP review.
    /// An ineligible PSC still opens a case: the workflow sends the filer the rejection with its reason.
    /// </summary>
    public CaseOpening Open(DateOnly today, StatutoryPeriods periods)
    {
        var entry = Filing.Entry(EntryNumber, "entryNumber");
        var entryDate = Filing.Required(EntryDate, "entryDate");
        var liquidation = ScheduledLiquidationDate ?? new LiquidationSchedule(periods).ScheduledLiquidation(entryDate);
        var filedOn = Filing.Required(FiledOn, "filedOn");
        Filing.NotAfter(filedOn, today, "filedOn");
        if (liquidation <= entryDate) throw new CaseFieldException("scheduledLiquidationDate", "the scheduled liquidation must come after the entry date.");
        var entryType = Filing.EntryType(EntryType, "entryType");
        if (ReasonCodes is not { Count: > 0 }) throw new CaseFieldException("reasonCodes", "a PSC gives at least one reason code.");
        var reasonCodes = ReasonCodes.Select((code, i) => ReasonCode(code, $"reasonCodes[{i}]")).ToList();
        var explanation = Filing.Required(Explanation, "explanation");
        Filing.IfGiven(ImporterName, "importerName", Filing.NameLength);
        Filing.Optional(FilerName, "filerName", Filing.NameLength);
        Filing.OptionalEmail(FilerEmail, "filerEmail");

        var eligibility = new PostSummaryCorrectionDeadlines(periods).Check(entryDate, liquidation, filedOn, new EntrySummaryStatus(Accepted, Paid, UnderCbpReview));
        var reason = eligibility.Reason;
        if (eligibility.IsEligible && !EligibleEntryTypes.Contains(entryType))
            reason = $"Entry type {entryType} cannot be corrected by a post-summary correction.";
        var data = new JsonObject
        {
            ["entryNumber"] = entry.Value,
            ["entryDate"] = Filing.Date(entryDate),
            ["entryType"] = entryType,
            ["liquidationDate"] = Filing.Date(liquidation),
            ["filedOn"] = Filing.Date(filedOn),
            ["reasonCodes"] = Filing.Strings(reasonCodes),
            ["explanation"] = explanation,
            ["lastFilingDate"] = Filing.Date(eligibility.LastFilingDate),
            ["eligible"] = reason is null,
            ["ineligibleReason"] = reason,
        };
        var deadlines = new List<CaseDeadline>
        {
            new("Scheduled liquidation", liquidation, true, "19 U.S.C. 1504: the review must finish before liquidation, or liquidation is extended"),
            new("Last PSC filing date", eligibility.LastFilingDate, true, "300 days after entry and 15 days before liquidation"),
        };
        return new CaseOpening(CaseKinds.PostSummaryCorrection, entry.Value, data, deadlines, Filing.Lines(Lines, "lines"));
    }

    /// <summary>The domain keeps no list of reason codes, so a code is only held to the form of one: a few letters or digits.</summary>
    private static string ReasonCode(string? value, string field)
    {
        var code = Filing.Required(value, field, 10);
        return code.All(char.IsAsciiLetterOrDigit)
            ? code
            : throw new CaseFieldException(field, $"'{code}' is not a reason code: up to 10 letters or digits (e.g. CL, VL).");
    }
}
