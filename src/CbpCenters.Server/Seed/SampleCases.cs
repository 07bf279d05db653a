using CbpCenters.Domain.Cases;
using CbpCenters.Domain.Routing;
using CbpCenters.Engine.Tasks;
using CbpCenters.Persistence;
using CbpCenters.Server.Cases;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Seed;

/// <summary>
/// A dozen demo cases at different stages (<c>Seed:SampleCases=true</c>, once, when there are no cases yet):
/// protests just filed, under accelerated disposition, under review and untimely; an eligible and a late PSC;
/// prior disclosures; entry summaries for a Center, routed by HTS, and left at the port; a trade inquiry.
/// </summary>
public sealed class SampleCases(CbpCentersDbContext db, CaseIntake intake, CaseOptions options, TaskService tasks, TimeProvider clock, ILogger<SampleCases> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Cases.AnyAsync(ct)) return;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var law = options.Law;
        var hudson = CaseSamples.Protest(today) with { ProtestNumber = "1001-26-000451", ImporterNumber = "12-3456789AB", Protestant = "Hudson Pharma Inc.",
            Lines = [new GoodsLine("3004.90.9290", 480_000m)], Entries = [new("999-9999999-0", today.AddDays(-380), today.AddDays(-30))] };
        var openings = new (string Label, IntakeRequest Request)[]
        {
            ("protest just filed", Protest(CaseSamples.Protest(today), law)),
            ("protest with accelerated disposition", Protest(CaseSamples.Protest(today) with { ProtestNumber = "2704-26-100124", AcceleratedDisposition = true, AcceleratedDispositionRequestedOn = today }, law)),
            ("protest under review", Protest(hudson, law)),
            ("untimely protest", Protest(CaseSamples.Protest(today, timely: false) with { ProtestNumber = "2704-26-100125" }, law)),
            ("eligible PSC", Psc(CaseSamples.Psc(today), law)),
            ("PSC filed 10 days before liquidation", Psc(CaseSamples.Psc(today, today.AddDays(10)) with { EntryDate = today.AddDays(-200) }, law)),
            ("prior disclosure", Disclosure(CaseSamples.PriorDisclosure(today), law)),
            ("oral prior disclosure", Disclosure(CaseSamples.PriorDisclosure(today, oral: true), law)),
            ("entry summary of a trusted partner", Entry(CaseSamples.EntrySummary(today), law)),
            ("entry summary routed by HTS", Entry(CaseSamples.EntrySummary(today) with { ImporterNumber = "45-6789012EF", ImporterName = "Harbor Displays Inc." }, law)),
            ("entry summary at the port", Entry(CaseSamples.EntrySummary(today) with { ImporterNumber = "123-45-6789", ImporterName = "Main Street Imports" }, law)),
            ("trade inquiry", new IntakeRequest(CaseKinds.Inquiry, null, null, "Dana Chen", "dana.chen@example.com", null,
                (d, reference) => CaseSamples.Inquiry().Open(d, reference), "ELE")),
        };
        foreach (var (label, request) in openings)
        {
            var (result, _) = await intake.OpenAsync(request, label, "integration", null, ct);
            logger.LogInformation("Sample case {Reference}: {Label} → {Center}", result.Reference, label, result.CenterCode ?? "port");
            if (label == "protest under review") await ClaimFirstTaskAsync(result.CaseId, ct);
        }
    }

    private async Task ClaimFirstTaskAsync(Guid caseId, CancellationToken ct)
    {
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.CaseId == caseId && t.Status == HumanTaskStatus.Unassigned, ct);
        if (task is null) return;
        var specialist = new TaskActor("phc.is1", "PHC", ["ImportSpecialist"], CandidatePool.Core, false, ["PHC"]);
        await tasks.ClaimAsync(task.Id, specialist, ct);
    }

    private static IntakeRequest Protest(ProtestFiling f, Domain.Deadlines.StatutoryPeriods law) =>
        new(CaseKinds.Protest, f.ImporterNumber, f.ImporterName, f.FilerName, f.FilerEmail, f.Lines, (d, _) => f.Open(d, law));

    private static IntakeRequest Psc(PostSummaryCorrectionFiling f, Domain.Deadlines.StatutoryPeriods law) =>
        new(CaseKinds.PostSummaryCorrection, f.ImporterNumber, f.ImporterName, f.FilerName, f.FilerEmail, f.Lines, (d, _) => f.Open(d, law));

    private static IntakeRequest Disclosure(PriorDisclosureFiling f, Domain.Deadlines.StatutoryPeriods law) =>
        new(CaseKinds.PriorDisclosure, f.ImporterNumber, f.ImporterName, f.FilerName, f.FilerEmail, f.Lines, (d, reference) => f.Open(d, law, reference));

    private static IntakeRequest Entry(EntrySummaryFiling f, Domain.Deadlines.StatutoryPeriods law) =>
        new(CaseKinds.EntrySummary, f.ImporterNumber, f.ImporterName, f.FilerName, f.FilerEmail, f.Lines, (d, _) => f.Open(d, law), AtPortUnlessTrusted: true);
}
