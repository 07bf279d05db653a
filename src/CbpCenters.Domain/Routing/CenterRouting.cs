using CbpCenters.Domain.Cases;
using CbpCenters.Domain.Centers;
using CbpCenters.Domain.Identifiers;

namespace CbpCenters.Domain.Routing;

/// <summary>Where a case goes: a Center, or the port of entry for importers who are not trusted partners.</summary>
public sealed record RoutingDecision(string? CenterCode, string Reason, bool AssignsCenterToImporter)
{
    public bool AtPort => CenterCode is null;
}

/// <summary>
/// One line of goods: its HTS number and value, the basis for picking an importer's Center. The value may be
/// null only as filed, so that a line that leaves it out is refused naming it rather than read as worth nothing.
/// </summary>
public sealed record GoodsLine(string? HtsNumber, decimal? Value, string? Description = null);

/// <summary>
/// Routes work to Centers. An importer's account belongs to the Center of its predominant (highest-value)
/// goods, found through an HTS chapter → Center table that is configuration, because CBP may move an industry.
/// </summary>
public sealed class CenterRouting(IReadOnlyDictionary<int, string> chapterToCenter)
{
    public CenterRouting() : this(DefaultChapters) { }

    /// <summary>An entry summary: to the importer's Center when it is a trusted partner, otherwise at the port.</summary>
    public RoutingDecision RouteEntrySummary(ImporterAccount importer, IReadOnlyList<GoodsLine> lines)
    {
        if (!importer.IsTrustedPartner)
            return new(null, $"{importer.Name} is not a C-TPAT or ISA member: the entry summary is processed at the port.", false);
        return RouteAccount(importer, lines, "lines");
    }

    /// <summary>
    /// Protests, PSCs and prior disclosures follow the importer's Center, whoever files them. A refused HTS
    /// number is named as <c>lines[i].htsNumber</c>, or as <paramref name="htsField"/> when the filing gives one number.
    /// </summary>
    public RoutingDecision RouteAccount(ImporterAccount importer, IReadOnlyList<GoodsLine> lines, string linesField, string? htsField = null)
    {
        if (importer.CenterCode is { } assigned)
            return new(assigned, $"{importer.Name}'s account is assigned to the {CenterName(assigned)} Center.", false);
        var predominant = lines.Select((line, index) => (line, index)).OrderByDescending(l => l.line.Value).FirstOrDefault();
        if (predominant.line is null)
            throw new CaseFieldException(linesField, $"{importer.Name} ({importer.ImporterNumber}) has no Center yet; give the goods lines (HTS number and value) so its Center can be chosen.");
        var center = CenterOf(predominant.line.HtsNumber, htsField ?? $"{linesField}[{predominant.index}].htsNumber");
        return new(center, $"{importer.Name} had no Center; its highest-value goods ({predominant.line.HtsNumber}) belong to the {CenterName(center)} Center.", true);
    }

    public string CenterOf(string? htsNumber, string field)
    {
        if (!HtsNumber.TryParse(htsNumber, out var hts, out var error)) throw new CaseFieldException(field, error!);
        return chapterToCenter.TryGetValue(hts.Chapter, out var center)
            ? center
            : throw new CaseFieldException(field, $"HTS chapter {hts.Chapter:00} is not mapped to a Center in Routing:Chapters.");
    }

    private static string CenterName(string code) => CenterCatalog.Find(code)?.Name ?? code;

    /// <summary>HTS chapters by industry, following the Centers' published industry scopes.</summary>
    public static readonly IReadOnlyDictionary<int, string> DefaultChapters = Chapters(
        ("AGR", 1, 24), ("PNM", 25, 27), ("PHC", 28, 38), ("IMM", 39, 40), ("AFT", 41, 43), ("IMM", 44, 49),
        ("AFT", 50, 67), ("IMM", 68, 70), ("PNM", 71, 71), ("BMT", 72, 83), ("MAC", 84, 84), ("ELE", 85, 85),
        ("AUT", 86, 89), ("ELE", 90, 90), ("CPM", 91, 92), ("CPM", 93, 93), ("CPM", 94, 97));

    private static Dictionary<int, string> Chapters(params (string Center, int From, int To)[] ranges) =>
        ranges.SelectMany(r => Enumerable.Range(r.From, r.To - r.From + 1).Select(ch => (ch, r.Center))).ToDictionary(x => x.ch, x => x.Center);
}
