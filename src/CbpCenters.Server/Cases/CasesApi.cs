using System.Text.Json.Nodes;
using CbpCenters.Domain.Cases;
using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Engine.Tasks;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Cases;
using CbpCenters.Server.Auth;
using CbpCenters.Server.Endpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Cases;

public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization();
        api.MapGet("/", List).WithName("ListCases").WithSummary("Cases of the caller's Centers, newest first, filtered by kind, status, Center, importer or reference.");
        api.MapGet("/{id:guid}", Get).WithName("GetCase").WithSummary("A case: data, status, deadlines, open tasks, notices, filer responses and timeline.");
        api.MapPost("/{id:guid}/filer-responses", Respond).WithName("RecordFilerResponse")
            .WithSummary("Records a filer's answer (e.g. to a CBP Form 28) and resumes the workflow waiting for it.")
            .RequireAuthorization(AppRoles.Intake);
        return app;
    }

    public sealed record CaseSummary(Guid Id, string Kind, string Reference, string? CenterCode, string ImporterNumber, string ImporterName,
        string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, Guid? InstanceId);
    public sealed record DeadlineDto(string Name, DateOnly Date, bool Statutory, string Source, int DaysLeft);
    public sealed record CaseDetail(CaseSummary Case, string RoutingReason, JsonObject Data, IReadOnlyList<DeadlineDto> Deadlines,
        IReadOnlyList<HumanTask> OpenTasks, IReadOnlyList<OutboxMessage> Notices, IReadOnlyList<FilerResponse> FilerResponses,
        IReadOnlyList<JournalEntry> Timeline, string? InstanceStatus);
    public sealed record FilerResponseRequest(string? Text, string? From, string? Signal);

    private static async Task<Ok<Page<CaseSummary>>> List(HttpContext http, CaseAccess access, CbpCentersDbContext db, CancellationToken ct,
        string? kind = null, string? status = null, string? center = null, string? importer = null, string? reference = null, int page = 1, int pageSize = 50)
    {
        Paging.Check(page, pageSize);
        if (kind is not null && !CaseKinds.All.Contains(kind)) throw new WorkflowInputException("kind", $"kind must be one of {string.Join(", ", CaseKinds.All)}.");
        var q = await access.VisibleAsync(http.User, ct);
        if (kind is not null) q = q.Where(c => c.Kind == kind);
        if (status is not null) q = q.Where(c => c.Status == status);
        if (center is not null) q = q.Where(c => c.CenterCode == center.ToUpperInvariant());
        if (importer is not null) q = q.Where(c => c.ImporterNumber == importer || c.ImporterName.ToLower().Contains(importer.ToLower()));
        if (reference is not null) q = q.Where(c => c.Reference.Contains(reference));
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(c => c.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new Page<CaseSummary>([.. items.Select(Summary)], total, page, pageSize));
    }

    private static async Task<Ok<CaseDetail>> Get(Guid id, HttpContext http, CaseAccess access, CbpCentersDbContext db,
        IWorkflowStore workflows, TimeProvider clock, ICenterCalendar calendars, CancellationToken ct)
    {
        var record = await access.GetAsync(id, http.User, ct);
        var importer = await db.Importers.AsNoTracking().FirstOrDefaultAsync(i => i.ImporterNumber == record.ImporterNumber, ct);
        var open = new[] { HumanTaskStatus.Unassigned, HumanTaskStatus.Assigned };
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.CaseId == id && open.Contains(t.Status)).OrderBy(t => t.DueAt).ToListAsync(ct);
        var notices = await db.Outbox.AsNoTracking().Where(m => m.CaseId == id).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        var responses = await db.FilerResponses.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.Id).ToListAsync(ct);
        var instance = record.InstanceId is { } instanceId ? await workflows.FindInstanceAsync(instanceId, ct) : null;
        var timeline = instance is null ? [] : (await workflows.GetJournalAsync(instance.Id, ct))
            .Where(j => j.Event is not (JournalEvents.ActivityStarted or JournalEvents.ActivityCompleted or JournalEvents.ActivitySuspended or JournalEvents.ActivityResumed))
            .ToList();
        var today = calendars.TodayAt(record.CenterCode, clock.GetUtcNow());
        var deadlines = CurrentDeadlines.Of(record.Deadlines, record.Data)
            .Select(d => new DeadlineDto(d.Name, d.Date, d.Statutory, d.Source, d.Date.DayNumber - today.DayNumber)).ToList();
        return TypedResults.Ok(new CaseDetail(Summary(record), record.RoutingReason, CaseContextSource.Compose(record, importer), deadlines,
            tasks, notices, responses, timeline, instance?.Status.ToString()));
    }

    /// <summary>Records the answer and resumes the workflow with what the case waits for.</summary>
    private static async Task<Ok<CaseSummary>> Respond(Guid id, FilerResponseRequest request, HttpContext http, CaseAccess access,
        FilerAnswers answers, CbpCentersDbContext db, CancellationToken ct)
    {
        var record = await access.GetAsync(id, http.User, ct);
        await answers.RecordAsync(record, request.Text, request.From, request.Signal, http.User.Identity!.Name!, ct);
        return TypedResults.Ok(Summary(await db.Cases.AsNoTracking().FirstAsync(c => c.Id == id, ct)));
    }

    internal static CaseSummary Summary(CaseRecord c) =>
        new(c.Id, c.Kind, c.Reference, c.CenterCode, c.ImporterNumber, c.ImporterName, c.Status, c.CreatedAt, c.UpdatedAt, c.InstanceId);
}
