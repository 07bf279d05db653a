using System.Text.Json.Nodes;
using CbpCenters.Domain.Deadlines;
using CbpCenters.Domain.Routing;

namespace CbpCenters.Domain.Cases;

/// <summary>A prior disclosure of a violation of 19 U.S.C. 1592, made before a formal investigation (19 CFR 162.74).</summary>
public sealed record PriorDisclosureFiling(
    DateOnly? FiledOn, string? ImporterNumber, string? ImporterName, string? FilerName, string? FilerEmail, bool? Oral,
    string? MerchandiseClass, List<string>? EntryNumbers, List<string>? Ports, string? ApproximateDates,
    string? FalseStatements, string? TrueInformation, decimal? EstimatedLoss, bool InformationComplete = true, List<GoodsLine>? Lines = null)
{
    /// <summary>
    /// Validates the disclosure: it names the class of merchandise, the entries (or the ports and approximate
    /// dates), the false statements and the true information. An oral disclosure must be confirmed in writing
    /// within 10 days; missing information must follow within 30.
    /// </summary>
    public CaseOpening Open(DateOnly today, StatutoryPeriods periods, string reference)
    {
        var filedOn = Filing.Required(FiledOn, "filedOn");
        Filing.NotAfter(filedOn, today, "filedOn");
        var oral = Filing.Required(Oral, "oral");
        var merchandise = Filing.Required(MerchandiseClass, "merchandiseClass");
        Filing.IfGiven(ImporterName, "importerName", Filing.NameLength);
        Filing.Optional(FilerName, "filerName", Filing.NameLength);
        Filing.OptionalEmail(FilerEmail, "filerEmail");
        var entries = new List<string>();
        for (var i = 0; i < (EntryNumbers?.Count ?? 0); i++)
            entries.Add(Filing.Entry(EntryNumbers![i], $"entryNumbers[{i}]").Value);
        var ports = new List<string>();
        for (var i = 0; i < (Ports?.Count ?? 0); i++)
            ports.Add(Filing.Port(Ports![i], $"ports[{i}]").Value);
        var approximateDates = Filing.Optional(ApproximateDates, "approximateDates");
        if (entries.Count == 0 && (ports.Count == 0 || approximateDates is null))
            throw new CaseFieldException("entryNumbers", "a prior disclosure names the entries, or the ports and approximate dates (19 CFR 162.74(b)).");
        if (EstimatedLoss is < 0) throw new CaseFieldException("estimatedLoss", "estimatedLoss cannot be negative.");
        var deadlines = new PriorDisclosureDeadlines(periods);
        var data = new JsonObject
        {
            ["reference"] = reference,
            ["filedOn"] = Filing.Date(filedOn),
            ["oral"] = oral,
            ["merchandiseClass"] = merchandise,
            ["entryNumbers"] = Filing.Strings(entries),
            ["ports"] = Filing.Strings(ports),
            ["approximateDates"] = approximateDates,
            ["falseStatements"] = Filing.Required(FalseStatements, "falseStatements"),
            ["trueInformation"] = Filing.Required(TrueInformation, "trueInformation"),
            ["estimatedLoss"] = EstimatedLoss,
            ["informationComplete"] = InformationComplete,
        };
        var list = new List<CaseDeadline>();
        if (oral)
        {
            var due = deadlines.WrittenConfirmationDue(filedOn);
            data["writtenConfirmationDue"] = Filing.Date(due);
            list.Add(new("Written confirmation", due, true, "19 CFR 162.74(c): an oral disclosure is confirmed in writing within 10 days"));
        }
        if (!InformationComplete)
        {
            var due = deadlines.PerfectionDue(filedOn);
            data["perfectionDue"] = Filing.Date(due);
            list.Add(new("Missing information", due, true, "19 CFR 162.74(c): information supplied within 30 days (extendable)"));
        }
        return new CaseOpening(CaseKinds.PriorDisclosure, reference, data, list, Filing.Lines(Lines, "lines"));
    }
}
