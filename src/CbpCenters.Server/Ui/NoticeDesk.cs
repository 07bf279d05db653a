using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Mail;
using CbpCenters.Server.Email;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Ui;

/// <summary>
/// The notices workflows wrote (the outbox, with each delivery attempt) and what the built-in mail capture
/// received (the mailbox). Outbox rows of another Center's instances are not shown to its staff.
/// </summary>
public sealed class NoticeDesk(ScopedWork work, TimeProvider clock)
{
    public Task<Page<OutboxMessage>> OutboxAsync(SignedInStaff staff, OutboxStatus? status, string? recipient, int page, int pageSize, CancellationToken ct) =>
        work.RunAsync(sp => OutboxSearch.FindAsync(sp.GetRequiredService<CbpCentersDbContext>(),
            staff.IsAdmin ? null : staff.Actor.VisibleCenters, null, status, recipient, page, pageSize, ct));

    public Task<List<OutboxAttempt>> AttemptsAsync(Guid messageId, CancellationToken ct) => work.RunAsync(sp =>
        sp.GetRequiredService<CbpCentersDbContext>().OutboxAttempts.AsNoTracking().Where(a => a.MessageId == messageId).OrderBy(a => a.Id).ToListAsync(ct));

    /// <summary>Queues a failed notice again, as the outbox API's resend does.</summary>
    public Task ResendAsync(Guid id) => work.RunAsync(async sp =>
    {
        var db = sp.GetRequiredService<CbpCentersDbContext>();
        var message = await db.Outbox.FirstOrDefaultAsync(m => m.Id == id)
            ?? throw new WorkflowNotFoundException("This notice no longer exists.");
        if (message.Status != OutboxStatus.Failed)
            throw new WorkflowConflictException($"Only a failed notice can be sent again; this one is {message.Status.ToString().ToLowerInvariant()}.");
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = clock.GetUtcNow();
        message.Version++;
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateConcurrencyException ex) { throw new WorkflowConflictException("The notice changed meanwhile; reload the page.", ex); }
        sp.GetRequiredService<IBackgroundJobClient>().Enqueue<OutboxJobs>(j => j.DispatchAsync(CancellationToken.None));
    });

    public Task<Page<MailboxMessage>> MailboxAsync(string? to, int page, int pageSize, CancellationToken ct) => work.RunAsync(async sp =>
    {
        var q = sp.GetRequiredService<CbpCentersDbContext>().Mailbox.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(to))
        {
            var text = to.Trim();
            var found = (await q.OrderByDescending(m => m.ReceivedAt).Take(OutboxSearch.SearchWindow).ToListAsync(ct))
                .Where(m => m.To.Any(a => a.Contains(text, StringComparison.OrdinalIgnoreCase)) || m.Subject.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
            return new Page<MailboxMessage>([.. found.Skip((page - 1) * pageSize).Take(pageSize)], found.Count, page, pageSize);
        }
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(m => m.ReceivedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<MailboxMessage>(items, total, page, pageSize);
    });
}
