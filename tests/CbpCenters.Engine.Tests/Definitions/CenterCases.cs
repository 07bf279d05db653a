using System.Text.Json.Nodes;
using CbpCenters.Domain.Cases;
using CbpCenters.Domain.Deadlines;
using CbpCenters.Domain.Routing;

namespace CbpCenters.Engine.Tests.Definitions;

/// <summary>
/// Cases of the Pharmaceuticals, Health &amp; Chemicals Center (PHC, New York) as a workflow sees them: the Domain
/// filing's <c>Open</c> data plus the fields the server adds to every case (id, kind, reference, Center, importer,
/// filer contacts, National Account Manager, programmes, status).
/// </summary>
internal static class CenterCases
{
    public const string CenterCode = "PHC";
    public const string CenterName = "Pharmaceuticals, Health & Chemicals";
    public const string ImporterNumber = "12-3456789AB";
    public const string ImporterName = "Hudson Pharma Inc.";
    public const string FilerName = "Liberty Customs Brokers";
    public const string FilerEmail = "entries@libertybrokers.example";

    /// <summary>Monday March 2, 2026: the day the harness clock starts on.</summary>
    public static readonly DateOnly Today = new(2026, 3, 2);

    private static readonly StatutoryPeriods Law = new();

    public static JsonObject Protest(bool accelerated = false, bool furtherReview = false, bool timely = true)
    {
        var filing = new ProtestFiling(
            "1001-26-100045", Today, ImporterNumber, ImporterName, ImporterName, FilerName, FilerName, FilerEmail,
            [new("999-9999999-0", Today.AddDays(-420), timely ? Today.AddDays(-75) : Today.AddDays(-190))],
            "Amoxicillin trihydrate, bulk",
            [new("Classification under 2941.10.5000", "Classify under 2941.10.1000", "The product is a penicillin in bulk form (NY N312345).")],
            accelerated, accelerated ? Today : null, furtherReview,
            furtherReview ? "The decision is alleged to be inconsistent with a ruling (19 CFR 174.24(a))" : null,
            [new("2941.10.5000", 640_000m)]);
        return WithCommonFields(filing.Open(Today, Law));
    }

    public static JsonObject Psc(DateOnly? scheduledLiquidation = null, DateOnly? filedOn = null)
    {
        var filing = new PostSummaryCorrectionFiling(
            "ABC-1234567-6", Today.AddDays(-120), "01", scheduledLiquidation ?? Today.AddDays(190), filedOn ?? Today,
            ImporterNumber, ImporterName, FilerName, FilerEmail, ["VL"], "Line 2 declared at the pro forma value; corrected to the transaction value.",
            Lines: [new GoodsLine("3004.90.9290", 480_000m)]);
        return WithCommonFields(filing.Open(Today, Law));
    }

    public static JsonObject PriorDisclosure(bool oral = false, bool informationComplete = true)
    {
        var filing = new PriorDisclosureFiling(
            Today, ImporterNumber, ImporterName, FilerName, FilerEmail, oral, "Active pharmaceutical ingredients",
            ["999-9999999-0", "ABC-1234567-6"], ["1001"], null, "Country of origin declared as Ireland",
            "Country of origin is India, where the ingredient is synthesized", 18_250.40m, informationComplete,
            [new GoodsLine("2941.90.1050", 210_000m)]);
        return WithCommonFields(filing.Open(Today, Law, "PD-2026-000117"));
    }

    public static JsonObject EntrySummary()
    {
        var filing = new EntrySummaryFiling(
            "ABC-1234567-6", Today.AddDays(-10), "01", "1001", ImporterNumber, ImporterName, FilerName, FilerEmail,
            [new GoodsLine("3004.90.9290", 480_000m, "Tablets, packaged for retail sale"), new GoodsLine("2941.90.1050", 35_000m, "Reference standard")]);
        return WithCommonFields(filing.Open(Today, Law));
    }

    public static JsonObject Inquiry(string? nationalAccountManager = null)
    {
        var filing = new InquiryFiling(
            "Dana Okafor", FilerEmail, ImporterNumber, CenterCode, "3004.90.9290", "Marking of blister packs",
            "Must each blister card be marked with the country of origin when the outer carton is marked?");
        return WithCommonFields(filing.Open(Today, "INQ-2026-000031"), nationalAccountManager);
    }

    /// <summary>
    /// One case of each kind, for the publish-time notice check: every optional part present (accelerated and
    /// further review, oral and incomplete), plus the fields workflows write and notices read.
    /// </summary>
    public static Dictionary<string, JsonObject> SamplesByKind()
    {
        var protest = Protest(accelerated: true, furtherReview: true);
        protest["courtDeadline"] = "2026-08-29";
        var disclosure = PriorDisclosure(oral: true, informationComplete: false);
        disclosure["lossOfDuties"] = 18_250.40m;
        disclosure["tenderDue"] = "2026-04-01";
        var entry = EntrySummary();
        entry["extendedLiquidationDate"] = "2027-01-15";
        return new(StringComparer.OrdinalIgnoreCase)
        {
            [CaseKinds.Protest] = protest,
            [CaseKinds.PostSummaryCorrection] = Psc(),
            [CaseKinds.PriorDisclosure] = disclosure,
            [CaseKinds.EntrySummary] = entry,
            [CaseKinds.Inquiry] = Inquiry("phc.nam"),
        };
    }

    private static JsonObject WithCommonFields(CaseOpening opening, string? nationalAccountManager = null)
    {
        var data = opening.Data;
        data["id"] = Guid.Empty.ToString();
        data["kind"] = opening.Kind;
        data["reference"] ??= opening.Reference;
        data["status"] = "New";
        data["centerCode"] = CenterCode;
        data["centerName"] = CenterName;
        data["importerNumber"] = ImporterNumber;
        data["importerName"] = ImporterName;
        data["filerName"] = FilerName;
        data["filerEmails"] = new JsonArray(FilerEmail);
        data["nationalAccountManager"] = nationalAccountManager;
        data["programmes"] = new JsonArray("C-TPAT", "ISA");
        return data;
    }
}
