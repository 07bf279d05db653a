using System.Text.Json.Nodes;
using CbpCenters.Domain.Cases;
using CbpCenters.Domain.Deadlines;
using CbpCenters.Domain.Routing;
using CbpCenters.Persistence.Cases;

namespace CbpCenters.Server.Cases;

/// <summary>
/// One realistic filing of each kind. They define which <c>case</c> fields a notice template may read (the
/// publish-time check) and seed the demo's sample cases.
/// </summary>
public static class CaseSamples
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    public static ProtestFiling Protest(DateOnly filedOn, bool accelerated = false, bool furtherReview = false, bool timely = true) => new(
        "2704-26-100123", filedOn, "12-3456789AA", "Pacific Circuits Corp.", "Pacific Circuits Corp.", "Bayside Customs Brokers",
        "Bayside Customs Brokers", "broker@bayside.example",
        [new("ABC-1234567-6", filedOn.AddDays(-400), timely ? filedOn.AddDays(-60) : filedOn.AddDays(-200))],
        "Printed circuit assemblies for servers",
        [new("Classification under 8473.30.1180", "Classify under 8471.80.1000 (free)", "The assemblies are complete units (HQ H301233).")],
        accelerated, accelerated ? filedOn : null, furtherReview, furtherReview ? "Inconsistent rulings on the same merchandise (174.24(b))" : null,
        [new("8473.30.1180", 1_250_000m)]);

    public static PostSummaryCorrectionFiling Psc(DateOnly filedOn, DateOnly? liquidation = null) => new(
        "999-9999999-0", filedOn.AddDays(-90), "01", liquidation ?? filedOn.AddDays(200), filedOn, "12-3456789AB", "Hudson Pharma Inc.",
        "Hudson Pharma Inc.", "trade@hudsonpharma.example", ["CL", "VL"], "Corrected the HTS number and the declared value of line 2.",
        Lines: [new("3004.90.9290", 480_000m)]);

    public static PriorDisclosureFiling PriorDisclosure(DateOnly filedOn, bool oral = false) => new(
        filedOn, "12-3456789AB", "Hudson Pharma Inc.", "Hudson Pharma Inc.", "trade@hudsonpharma.example", oral,
        "Active pharmaceutical ingredients", ["999-9999999-0"], ["1001"], null,
        "Country of origin declared as Ireland", "Country of origin is India (substantial transformation there)", 18_250.40m,
        Lines: [new("2941.90.1050", 210_000m)]);

    public static EntrySummaryFiling EntrySummary(DateOnly entryDate) => new(
        "ABC-1234567-6", entryDate, "01", "2704", "12-3456789AA", "Pacific Circuits Corp.", "Bayside Customs Brokers", "broker@bayside.example",
        [new("8542.31.0000", 920_000m, "Processors"), new("8473.30.1180", 150_000m, "Parts")]);

    public static InquiryFiling Inquiry() => new(
        "Dana Chen", "dana.chen@example.com", null, "ELE", "8542.31.0000", "Marking of semiconductor packages",
        "Must each processor package be marked with its country of origin when imported in trays?");

    /// <summary>A composed <c>case</c> of each kind, as a workflow would see it.</summary>
    public static IReadOnlyDictionary<string, JsonObject> ByKind()
    {
        var law = new StatutoryPeriods();
        var openings = new[]
        {
            Protest(Today, accelerated: true, furtherReview: true).Open(Today, law),
            Psc(Today).Open(Today, law),
            PriorDisclosure(Today, oral: true).Open(Today, law, "PD-2026-0A1B2C"),
            EntrySummary(Today).Open(Today, law),
            Inquiry().Open(Today, "INQ-2026-0A1B2C"),
        };
        return openings.ToDictionary(o => o.Kind, o =>
        {
            var data = o.Data;
            data["filerName"] = "Bayside Customs Brokers";
            data["filerEmails"] = new JsonArray("broker@bayside.example");
            if (o.Kind == CaseKinds.Protest) data["courtDeadline"] = "2026-08-29";
            if (o.Kind == CaseKinds.PriorDisclosure) { data["lossOfDuties"] = 18_250.40m; data["tenderDue"] = "2026-04-01"; }
            if (o.Kind == CaseKinds.EntrySummary) data["extendedLiquidationDate"] = "2027-03-05";
            var record = new CaseRecord
            {
                Id = Guid.Empty, Kind = o.Kind, Reference = o.Reference, CenterCode = "ELE", ImporterNumber = "12-3456789AA",
                ImporterName = "Pacific Circuits Corp.", Data = data, Deadlines = [.. o.Deadlines],
            };
            return CaseContextSource.Compose(record, null);
        });
    }
}
