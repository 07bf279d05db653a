using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Persistence.Stores;

public sealed class EfWorkflowStore(CbpCentersDbContext db, WriteTurns turns) : IWorkflowStore
{
    public Task<WorkflowInstance?> FindInstanceAsync(Guid instanceId, CancellationToken ct) =>
        db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct);

    public async Task<IReadOnlyList<Bookmark>> GetBookmarksAsync(Guid instanceId, CancellationToken ct) =>
        await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instanceId).ToListAsync(ct);

    public Task<Bookmark?> FindBookmarkAsync(Guid bookmarkId, CancellationToken ct) =>
        db.Bookmarks.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookmarkId, ct);

    public async Task<IReadOnlyList<Bookmark>> FindDueTimersAsync(DateTimeOffset now, int max, CancellationToken ct) =>
        await db.Bookmarks.AsNoTracking()
            .Where(b => b.DueAt != null && b.DueAt <= now)
            .OrderBy(b => b.DueAt).ThenBy(b => b.Id)
            .Take(max).ToListAsync(ct);

    /// <summary>
    /// One SaveChanges, hence one transaction. The instance update is conditional on the version it was read
    /// at, and each consumed bookmark is a conditional delete: if another commit got there first, EF sees a
    /// row count of zero, rolls everything back, and the caller gets a conflict.
    /// </summary>
    public async Task CommitAsync(WorkflowCommit commit, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var instance = commit.Instance;
        instance.Version = commit.ExpectedVersion + 1;
        if (commit.IsNew)
        {
            db.Instances.Add(instance);
        }
        else
        {
            var entry = db.Instances.Attach(instance);
            entry.State = EntityState.Modified;
            entry.Property(i => i.Version).OriginalValue = commit.ExpectedVersion;
        }
        foreach (var bookmark in commit.RemovedBookmarks)
            db.Bookmarks.Remove(new Bookmark { Id = bookmark.Id });
        db.Bookmarks.AddRange(commit.NewBookmarks);
        db.Journal.AddRange(commit.Journal);
        db.Outbox.AddRange(commit.Outbox);
        foreach (var task in commit.NewTasks)
        {
            db.Tasks.Add(task);
            db.TaskCandidates.AddRange(EfTaskStore.CandidatesOf(task));
        }
        var updatedVersions = commit.UpdatedTasks.Select(t => t.Version).ToList();
        foreach (var task in commit.UpdatedTasks)
            await EfTaskStore.AttachUpdateAsync(db, task, ct);
        db.TaskEvents.AddRange(commit.TaskEvents);
        db.TaskComments.AddRange(commit.TaskComments);
        await ApplyCaseUpdatesAsync(commit, ct);
        try
        {
            await turns.RunAsync(() => db.SaveChangesAsync(ct), ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex))
        {
            instance.Version = commit.ExpectedVersion;
            for (var i = 0; i < commit.UpdatedTasks.Count; i++) commit.UpdatedTasks[i].Version = updatedVersions[i];
            throw new WorkflowConflictException("Someone else changed this workflow or task at the same moment; nothing was saved.", ex);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Case fields set by the step, written with it; a case changed concurrently makes the commit a conflict.</summary>
    private async Task ApplyCaseUpdatesAsync(WorkflowCommit commit, CancellationToken ct)
    {
        foreach (var group in commit.CaseUpdates.GroupBy(u => u.CaseId))
        {
            var record = await db.Cases.FirstOrDefaultAsync(c => c.Id == group.Key, ct);
            if (record is null) continue;
            var data = record.Data.DeepClone().AsObject();
            foreach (var (field, value) in group.SelectMany(u => u.Changes))
            {
                data[field] = value?.DeepClone();
                if (field == "status" && value is not null) record.Status = value.ToString();
            }
            record.Data = data;
            record.UpdatedAt = commit.Instance.UpdatedAt;
            record.Version++;
        }
    }

    public async Task<Page<WorkflowInstance>> ListInstancesAsync(InstanceQuery query, CancellationToken ct)
    {
        var q = db.Instances.AsNoTracking();
        if (query.DefinitionId is not null) q = q.Where(i => i.DefinitionId == query.DefinitionId);
        if (query.Status is not null) q = q.Where(i => i.Status == query.Status);
        if (query.CorrelationId is not null) q = q.Where(i => i.CorrelationId == query.CorrelationId);
        if (query.CaseId is not null) q = q.Where(i => i.CaseId == query.CaseId);
        if (query.CenterCode is not null) q = q.Where(i => i.CenterCode == query.CenterCode);
        if (query.Centers is { } centers)
        {
            var visible = centers.ToList();
            q = q.Where(i => i.CenterCode != null && visible.Contains(i.CenterCode));
        }
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new Page<WorkflowInstance>(items, total, query.Page, query.PageSize);
    }

    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(Guid instanceId, CancellationToken ct) =>
        await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence).ToListAsync(ct);
}
