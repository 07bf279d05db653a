using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Mail;
using CbpCenters.Server.Auth;
using CbpCenters.Server.Endpoints;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Email;

public static class MailApi
{
    public static IEndpointRouteBuilder MapMailApi(this IEndpointRouteBuilder app)
    {
        var outbox = app.MapGroup("/api/v1/outbox").WithTags("Email").RequireAuthorization(AppRoles.StaffOnly);
        outbox.MapGet("/", ListOutbox).WithName("ListOutbox").WithSummary("Notices written by workflows, newest first, with their delivery status.");
        outbox.MapGet("/{id:guid}", GetOutbox).WithName("GetOutboxMessage").WithSummary("A notice with its content and every delivery attempt.");
        outbox.MapPost("/{id:guid}/resend", Resend).WithName("ResendOutboxMessage")
            .WithSummary("Queues a failed notice again (e.g. after the address was corrected at the mail server).")
            .RequireAuthorization(AppRoles.OperateWorkflows);
        var mailbox = app.MapGroup("/api/v1/mailbox").WithTags("Email").RequireAuthorization(AppRoles.Administer);
        mailbox.MapGet("/", ListMailbox).WithName("ListMailbox").WithSummary("What the built-in SMTP capture received, for every Center, newest first (administrators).");
        mailbox.MapGet("/{id:guid}", GetMailbox).WithName("GetMailboxMessage").WithSummary("One captured message with both bodies.");
        return app;
    }

    public sealed record OutboxSummary(Guid Id, string Template, IReadOnlyList<string> To, string Subject, string Status,
        int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? LastError, Guid? CaseId, Guid? InstanceId, Guid? TaskId);
    public sealed record OutboxDetail(OutboxMessage Message, IReadOnlyList<OutboxAttempt> Attempts);
    public sealed record MailboxSummary(Guid Id, DateTimeOffset ReceivedAt, string From, IReadOnlyList<string> To, string Subject, string? MessageId);

    private static async Task<Ok<Page<OutboxSummary>>> ListOutbox(CbpCentersDbContext db, CenterScope scope, HttpContext http,
        Guid? caseId, OutboxStatus? status, string? recipient, CancellationToken ct, int page = 1, int pageSize = 50)
    {
        Paging.Check(page, pageSize);
        Paging.Known(status, "status");
        var found = await OutboxSearch.FindAsync(db, await scope.CentersAsync(http.User, ct), caseId, status, recipient, page, pageSize, ct);
        return TypedResults.Ok(new Page<OutboxSummary>([.. found.Items.Select(Summary)], found.Total, page, pageSize));
    }

    private static async Task<Results<Ok<OutboxDetail>, NotFound>> GetOutbox(Guid id, CbpCentersDbContext db, CenterScope scope, HttpContext http, CancellationToken ct)
    {
        var message = await OutboxSearch.Visible(db, await scope.CentersAsync(http.User, ct)).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null) return TypedResults.NotFound();
        var attempts = await db.OutboxAttempts.AsNoTracking().Where(a => a.MessageId == id).OrderBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok(new OutboxDetail(message, attempts));
    }

    private static async Task<Results<Ok<OutboxSummary>, NotFound>> Resend(Guid id, CbpCentersDbContext db, CenterScope scope, HttpContext http,
        TimeProvider clock, IBackgroundJobClient jobs, CancellationToken ct)
    {
        if (!await OutboxSearch.Visible(db, await scope.CentersAsync(http.User, ct)).AnyAsync(m => m.Id == id, ct)) return TypedResults.NotFound();
        var message = await db.Outbox.FirstAsync(m => m.Id == id, ct);
        if (message.Status != OutboxStatus.Failed)
            throw new WorkflowConflictException($"Only a failed notice can be sent again; this one is {message.Status}.");
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = clock.GetUtcNow();
        message.Version++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException ex) { throw new WorkflowConflictException("The notice changed meanwhile; reload it.", ex); }
        jobs.Enqueue<OutboxJobs>(j => j.DispatchAsync(CancellationToken.None));
        return TypedResults.Ok(Summary(message));
    }

    private static OutboxSummary Summary(OutboxMessage m) => new(m.Id, m.Template, m.To, m.Subject, m.Status.ToString(), m.Attempts,
        m.CreatedAt, m.SentAt, m.LastError, m.CaseId, m.InstanceId, m.TaskId);

    private static async Task<Ok<Page<MailboxSummary>>> ListMailbox(CbpCentersDbContext db, string? to, CancellationToken ct, int page = 1, int pageSize = 50)
    {
        Paging.Check(page, pageSize);
        var q = db.Mailbox.AsNoTracking().OrderByDescending(m => m.ReceivedAt);
        if (to is null)
        {
            var items = await q.Skip((page - 1) * pageSize).Take(pageSize).Select(m => new MailboxSummary(m.Id, m.ReceivedAt, m.From, m.To, m.Subject, m.MessageId)).ToListAsync(ct);
            return TypedResults.Ok(new Page<MailboxSummary>(items, await db.Mailbox.CountAsync(ct), page, pageSize));
        }
        var rows = (await q.Take(OutboxSearch.SearchWindow).Select(m => new MailboxSummary(m.Id, m.ReceivedAt, m.From, m.To, m.Subject, m.MessageId)).ToListAsync(ct))
            .Where(m => m.To.Any(a => a.Equals(to, StringComparison.OrdinalIgnoreCase))).ToList();
        return TypedResults.Ok(new Page<MailboxSummary>([.. rows.Skip((page - 1) * pageSize).Take(pageSize)], rows.Count, page, pageSize));
    }

    private static async Task<Results<Ok<MailboxMessage>, NotFound>> GetMailbox(Guid id, CbpCentersDbContext db, CancellationToken ct) =>
        await db.Mailbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } message ? TypedResults.Ok(message) : TypedResults.NotFound();
}
