using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Persistence.Stores;

public sealed class EfTaskStore(CbpCentersDbContext db, WriteTurns turns) : ITaskStore
{
    public Task<HumanTask?> FindAsync(Guid taskId, CancellationToken ct) =>
        db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);

    public Task<HumanTask?> FindByBookmarkAsync(Guid bookmarkId, CancellationToken ct) =>
        db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.BookmarkId == bookmarkId, ct);

    public async Task<Page<HumanTask>> QueryAsync(TaskQuery query, CancellationToken ct)
    {
        var q = Visible(query);
        var total = await q.CountAsync(ct);
        IOrderedQueryable<HumanTask> ordered = (query.Sort, query.Descending) switch
        {
            (TaskSort.Priority, false) => q.OrderByDescending(t => t.Priority).ThenBy(t => t.DueAt),
            (TaskSort.Priority, true) => q.OrderBy(t => t.Priority).ThenBy(t => t.DueAt),
            (TaskSort.Created, false) => q.OrderBy(t => t.CreatedAt),
            (TaskSort.Created, true) => q.OrderByDescending(t => t.CreatedAt),
            (_, false) => q.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenByDescending(t => t.Priority),
            (_, true) => q.OrderBy(t => t.DueAt == null).ThenByDescending(t => t.DueAt).ThenByDescending(t => t.Priority),
        };
        var items = await ordered.ThenBy(t => t.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new Page<HumanTask>(items, total, query.Page, query.PageSize);
    }

    /// <summary>The inbox rules of <see cref="TaskVisibility"/>, as SQL.</summary>
    private IQueryable<HumanTask> Visible(TaskQuery query)
    {
        var viewer = query.Viewer;
        var user = viewer.UserName;
        var centers = viewer.VisibleCenters.ToList();
        var positions = viewer.Positions.ToList();
        var now = query.Now ?? DateTimeOffset.UtcNow;
        var open = new[] { HumanTaskStatus.Unassigned, HumanTaskStatus.Assigned };
        var q = db.Tasks.AsNoTracking();
        q = query.View switch
        {
            TaskView.Mine => q.Where(t => open.Contains(t.Status) && t.Assignee == user),
            TaskView.Unassigned => q.Where(t => t.Status == HumanTaskStatus.Unassigned
                && !db.TaskCandidates.Any(c => c.TaskId == t.Id && c.Kind == TaskCandidate.Excluded && c.Value == user)
                && (db.TaskCandidates.Any(c => c.TaskId == t.Id && c.Kind == TaskCandidate.User && c.Value == user)
                    || (t.CenterCode == viewer.CenterCode
                        && (t.Pool == CandidatePool.Either || t.Pool == viewer.Pool)
                        && db.TaskCandidates.Any(c => c.TaskId == t.Id && c.Kind == TaskCandidate.Role && positions.Contains(c.Value))))),
            TaskView.Center => q.Where(t => open.Contains(t.Status) && centers.Contains(t.CenterCode)),
            TaskView.Overdue => q.Where(t => open.Contains(t.Status) && t.DueAt < now && centers.Contains(t.CenterCode)),
            TaskView.CompletedByMe => q.Where(t => t.Status == HumanTaskStatus.Completed && t.CompletedBy == user),
            _ => q.Where(t => centers.Contains(t.CenterCode)),
        };
        if (query.DefinitionId is not null) q = q.Where(t => t.DefinitionId == query.DefinitionId);
        if (query.MinPriority is not null) q = q.Where(t => t.Priority >= query.MinPriority);
        if (query.DueFrom is not null) q = q.Where(t => t.DueAt >= query.DueFrom);
        if (query.DueTo is not null) q = q.Where(t => t.DueAt <= query.DueTo);
        if (query.CaseReference is not null) q = q.Where(t => t.CaseReference != null && t.CaseReference.ToLower().Contains(query.CaseReference.ToLower()));
        if (query.Importer is not null) q = q.Where(t => t.ImporterName != null && t.ImporterName.ToLower().Contains(query.Importer.ToLower()));
        if (query.CaseId is not null) q = q.Where(t => t.CaseId == query.CaseId);
        if (query.InstanceId is not null) q = q.Where(t => t.InstanceId == query.InstanceId);
        if (query.Assignee is not null) q = q.Where(t => t.Assignee == query.Assignee);
        return q;
    }

    public async Task UpdateAsync(HumanTask task, IReadOnlyList<TaskEvent> events, IReadOnlyList<OutboxMessage> notices, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var readAt = task.Version;
        await AttachUpdateAsync(db, task, ct);
        db.TaskEvents.AddRange(events);
        db.Outbox.AddRange(notices);
        try
        {
            await turns.RunAsync(() => db.SaveChangesAsync(ct), ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            task.Version = readAt;
            throw new WorkflowConflictException("Someone else changed this task at the same moment; reload it.", ex);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Stages an update checked against the version the task was read at, and refreshes its candidate rows.</summary>
    internal static async Task AttachUpdateAsync(CbpCentersDbContext db, HumanTask task, CancellationToken ct)
    {
        var entry = db.Tasks.Attach(task);
        entry.State = EntityState.Modified;
        entry.Property(t => t.Version).OriginalValue = task.Version;
        task.Version++;
        var wanted = CandidatesOf(task).ToList();
        var existing = await db.TaskCandidates.Where(c => c.TaskId == task.Id).ToListAsync(ct);
        db.TaskCandidates.RemoveRange(existing.Where(e => !wanted.Any(w => w.Kind == e.Kind && w.Value == e.Value)));
        db.TaskCandidates.AddRange(wanted.Where(w => !existing.Any(e => e.Kind == w.Kind && e.Value == w.Value)));
    }

    internal static IEnumerable<TaskCandidate> CandidatesOf(HumanTask task) =>
        task.CandidateRoles.Distinct().Select(r => new TaskCandidate { TaskId = task.Id, Kind = TaskCandidate.Role, Value = r })
            .Concat(task.CandidateUsers.Distinct().Select(u => new TaskCandidate { TaskId = task.Id, Kind = TaskCandidate.User, Value = u }))
            .Concat(task.ExcludedUsers.Distinct().Select(u => new TaskCandidate { TaskId = task.Id, Kind = TaskCandidate.Excluded, Value = u }));

    public async Task AddCommentAsync(TaskComment comment, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.TaskComments.Add(comment);
        await turns.RunAsync(() => db.SaveChangesAsync(ct), ct);
        db.ChangeTracker.Clear();
    }

    public async Task<IReadOnlyList<TaskEvent>> GetHistoryAsync(Guid taskId, CancellationToken ct) =>
        await db.TaskEvents.AsNoTracking().Where(e => e.TaskId == taskId).OrderBy(e => e.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<TaskComment>> GetCommentsAsync(Guid taskId, CancellationToken ct) =>
        await db.TaskComments.AsNoTracking().Where(c => c.TaskId == taskId).OrderBy(c => c.Id).ToListAsync(ct);

    public async Task<IReadOnlyDictionary<string, int>> CountOpenByAssigneeAsync(IReadOnlyCollection<string> userNames, CancellationToken ct)
    {
        var users = userNames.ToList();
        var open = new[] { HumanTaskStatus.Unassigned, HumanTaskStatus.Assigned };
        return await db.Tasks.AsNoTracking()
            .Where(t => open.Contains(t.Status) && t.Assignee != null && users.Contains(t.Assignee))
            .GroupBy(t => t.Assignee!)
            .Select(g => new { User = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.User, g => g.Count, ct);
    }

    public Task<string?> LastAssigneeAsync(string definitionId, string activityId, string centerCode, CancellationToken ct) =>
        db.Tasks.AsNoTracking()
            .Where(t => t.DefinitionId == definitionId && t.ActivityId == activityId && t.CenterCode == centerCode && t.Assignee != null)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => t.Assignee).FirstOrDefaultAsync(ct);
}
