using System.Text.Json;
using System.Text.Json.Nodes;
using CbpCenters.Domain.Cases;
using CbpCenters.Engine.Runtime;
using CbpCenters.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CbpCenters.Server.Cases;

/// <summary>
/// Where work enters: entry summaries from ACE, protests, PSCs, prior disclosures and trade inquiries. Each
/// call is idempotent with an Idempotency-Key header: a retry returns the first answer and creates nothing.
/// </summary>
public static class IntakeApi
{
    public static IEndpointRouteBuilder MapIntakeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Intake").RequireAuthorization(AppRoles.Intake);
        api.MapPost("/entry-summaries", EntrySummary).WithName("SubmitEntrySummary")
            .WithSummary("An entry summary: trusted partners' go to their Center's validation; others are recorded as processed at the port.");
        api.MapPost("/protests", Protest).WithName("FileProtest").WithSummary("A protest (CBP Form 19), routed to the importer's Center.");
        api.MapPost("/post-summary-corrections", Psc).WithName("FilePostSummaryCorrection").WithSummary("A post-summary correction, routed to the importer's Center.");
        api.MapPost("/prior-disclosures", PriorDisclosure).WithName("FilePriorDisclosure").WithSummary("A prior disclosure (19 CFR 162.74), routed to the importer's Center.");
        api.MapPost("/inquiries", Inquiry).WithName("AskInquiry").WithSummary("A question from the trade community, routed to the Center of its industry, HTS number or importer.");
        return app;
    }

    private static Task<Created<IntakeResult>> EntrySummary(
        EntrySummaryFiling filing, CaseIntake intake, CaseOptions options, HttpContext http, [FromHeader(Name = "Idempotency-Key")] string? key, CancellationToken ct) =>
        OpenAsync(intake, http, key, filing, new IntakeRequest(CaseKinds.EntrySummary, filing.ImporterNumber, filing.ImporterName, filing.FilerName,
            filing.FilerEmail, filing.Lines, (today, _) => filing.Open(today, options.Law), AtPortUnlessTrusted: true), ct);

    private static Task<Created<IntakeResult>> Protest(
        ProtestFiling filing, CaseIntake intake, CaseOptions options, HttpContext http, [FromHeader(Name = "Idempotency-Key")] string? key, CancellationToken ct) =>
        OpenAsync(intake, http, key, filing, new IntakeRequest(CaseKinds.Protest, filing.ImporterNumber, filing.ImporterName, filing.FilerName,
            filing.FilerEmail, filing.Lines, (today, _) => filing.Open(today, options.Law)), ct);

    private static Task<Created<IntakeResult>> Psc(
        PostSummaryCorrectionFiling filing, CaseIntake intake, CaseOptions options, HttpContext http, [FromHeader(Name = "Idempotency-Key")] string? key, CancellationToken ct) =>
        OpenAsync(intake, http, key, filing, new IntakeRequest(CaseKinds.PostSummaryCorrection, filing.ImporterNumber, filing.ImporterName, filing.FilerName,
            filing.FilerEmail, filing.Lines, (today, _) => filing.Open(today, options.Law)), ct);

    private static Task<Created<IntakeResult>> PriorDisclosure(
        PriorDisclosureFiling filing, CaseIntake intake, CaseOptions options, HttpContext http, [FromHeader(Name = "Idempotency-Key")] string? key, CancellationToken ct) =>
        OpenAsync(intake, http, key, filing, new IntakeRequest(CaseKinds.PriorDisclosure, filing.ImporterNumber, filing.ImporterName, filing.FilerName,
            filing.FilerEmail, filing.Lines, (today, reference) => filing.Open(today, options.Law, reference)), ct);

    private static Task<Created<IntakeResult>> Inquiry(
        InquiryFiling filing, CaseIntake intake, HttpContext http, [FromHeader(Name = "Idempotency-Key")] string? key, CancellationToken ct) =>
        OpenAsync(intake, http, key, filing, new IntakeRequest(CaseKinds.Inquiry, filing.ImporterNumber, null, filing.ContactName,
            filing.ContactEmail, null, (today, reference) => filing.Open(today, reference), filing.CenterCode is { Length: > 0 } c ? c : null), ct);

    /// <summary>201 with the case; a retry with the same Idempotency-Key gets the very same answer.</summary>
    private static async Task<Created<IntakeResult>> OpenAsync(
        CaseIntake intake, HttpContext http, string? key, object body, IntakeRequest request, CancellationToken ct)
    {
        RefuseEmptyItems(JsonSerializer.SerializeToNode(body, JsonSerializerOptions.Web), "");
        try
        {
            var (result, _) = await intake.OpenAsync(request, body, http.User.Identity!.Name!, key, ct);
            return TypedResults.Created($"/api/v1/cases/{result.CaseId}", result);
        }
        catch (FilingOnFileException onFile)
        {
            // Staff of another Center learn that the number is taken, not which case holds it.
            var centers = await http.RequestServices.GetRequiredService<CenterScope>().CentersAsync(http.User, ct);
            if (centers is null || (onFile.CenterCode is { } center && centers.Contains(center))) throw;
            throw onFile.WithoutCase();
        }
    }

    /// <summary>A <c>null</c> in a list (<c>"entries": [null]</c>) is named, rather than read as an entry with nothing in it.</summary>
    private static void RefuseEmptyItems(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    var item = $"{path}[{i}]";
                    if (items[i] is null) throw new WorkflowInputException(item, $"{item} is empty: fill it in or leave it out.");
                    RefuseEmptyItems(items[i], item);
                }
                break;
            case JsonObject fields:
                foreach (var (name, value) in fields) RefuseEmptyItems(value, path.Length == 0 ? name : $"{path}.{name}");
                break;
        }
    }
}
