using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Engine.Tasks;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Cases;
using CbpCenters.Server.Cases;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Ui;

public sealed record CaseFile(
    CaseRecord Case, IReadOnlyList<HumanTask> OpenTasks, IReadOnlyList<OutboxMessage> Notices, IReadOnlyList<FilerResponse> Responses,
    IReadOnlyList<JournalEntry> Timeline, WorkflowInstance? Instance, IReadOnlyList<string> AwaitedAnswers);

/// <summary>A case as the case page shows it, read through the lead's <see cref="CaseAccess"/> rule (staff see their Centers' cases).</summary>
public sealed class CaseDesk(ScopedWork work)
{
    /// <exception cref="TaskForbiddenException">The case belongs to another Center or stayed at the port.</exception>
    public Task<CaseFile> LoadAsync(Guid id, SignedInStaff staff, CancellationToken ct) => work.RunAsync(async sp =>
    {
        var record = await sp.GetRequiredService<CaseAccess>().GetAsync(id, staff.User, ct);
        var db = sp.GetRequiredService<CbpCentersDbContext>();
        var open = new[] { HumanTaskStatus.Unassigned, HumanTaskStatus.Assigned };
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.CaseId == id && open.Contains(t.Status)).OrderBy(t => t.DueAt).ToListAsync(ct);
        var notices = await db.Outbox.AsNoTracking().Where(m => m.CaseId == id).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        var responses = await db.FilerResponses.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.Id).ToListAsync(ct);
        var store = sp.GetRequiredService<IWorkflowStore>();
        var instance = record.InstanceId is { } instanceId ? await store.FindInstanceAsync(instanceId, ct) : null;
        // The timeline is what happened to the case, not the runner's step-by-step bookkeeping.
        var timeline = instance is null ? [] : (await store.GetJournalAsync(instance.Id, ct))
            .Where(j => j.Event is not (JournalEvents.ActivityStarted or JournalEvents.ActivityCompleted or JournalEvents.ActivitySuspended or JournalEvents.ActivityResumed))
            .ToList();
        return new CaseFile(record, tasks, notices, responses, timeline, instance, await sp.GetRequiredService<FilerAnswers>().AwaitedAsync(record, ct));
    });

    /// <summary>Records what the filer answered, on their behalf, and lets the case move on.</summary>
    public Task RecordAnswerAsync(Guid id, string? text, string? from, string? signal, SignedInStaff staff) => work.RunAsync(async sp =>
    {
        var record = await sp.GetRequiredService<CaseAccess>().GetAsync(id, staff.User, default);
        await sp.GetRequiredService<FilerAnswers>().RecordAsync(record, text, from, signal, staff.UserName, default);
    });
}
