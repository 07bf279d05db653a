using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;

namespace CbpCenters.Engine.Tasks;

/// <summary>Tasks in process memory, for engine tests and benchmarks; same concurrency rules as the database.</summary>
public sealed class InMemoryTaskStore : ITaskStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, HumanTask> _tasks = [];
    private readonly List<TaskEvent> _events = [];
    private readonly List<TaskComment> _comments = [];

    public Task<HumanTask?> FindAsync(Guid taskId, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult(_tasks.TryGetValue(taskId, out var t) ? InMemoryWorkflowStore.Copy(t) : null);
    }

    public Task<HumanTask?> FindByBookmarkAsync(Guid bookmarkId, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult(_tasks.Values.FirstOrDefault(t => t.BookmarkId == bookmarkId) is { } t ? InMemoryWorkflowStore.Copy(t) : null);
    }

    public Task<Page<HumanTask>> QueryAsync(TaskQuery query, CancellationToken ct)
    {
        lock (_lock)
        {
            var now = query.Now ?? DateTimeOffset.UtcNow;
            var matches = _tasks.Values.Where(t => TaskVisibility.Matches(t, query, now)).ToList();
            IEnumerable<HumanTask> sorted = query.Sort switch
            {
                TaskSort.Priority => matches.OrderByDescending(t => t.Priority),
                TaskSort.Created => matches.OrderBy(t => t.CreatedAt),
                _ => matches.OrderBy(t => t.DueAt ?? DateTimeOffset.MaxValue),
            };
            if (query.Descending) sorted = sorted.Reverse();
            var page = sorted.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(InMemoryWorkflowStore.Copy).ToList();
            return Task.FromResult(new Page<HumanTask>(page, matches.Count, query.Page, query.PageSize));
        }
    }

    /// <summary>Notices queued by inbox changes (a workflow step's notices are in the workflow store's outbox).</summary>
    public List<Notices.OutboxMessage> Notices { get; } = [];

    public Task UpdateAsync(HumanTask task, IReadOnlyList<TaskEvent> events, IReadOnlyList<Notices.OutboxMessage> notices, CancellationToken ct)
    {
        lock (_lock)
        {
            CheckVersionsHeld([task]);
            task.Version++;
            _tasks[task.Id] = InMemoryWorkflowStore.Copy(task);
            _events.AddRange(events);
            Notices.AddRange(notices);
        }
        return Task.CompletedTask;
    }

    public Task AddCommentAsync(TaskComment comment, CancellationToken ct)
    {
        lock (_lock) _comments.Add(comment);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TaskEvent>> GetHistoryAsync(Guid taskId, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<TaskEvent>>([.. _events.Where(e => e.TaskId == taskId)]);
    }

    public Task<IReadOnlyList<TaskComment>> GetCommentsAsync(Guid taskId, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<TaskComment>>([.. _comments.Where(c => c.TaskId == taskId)]);
    }

    public Task<IReadOnlyDictionary<string, int>> CountOpenByAssigneeAsync(IReadOnlyCollection<string> userNames, CancellationToken ct)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyDictionary<string, int>>(_tasks.Values
                .Where(t => t.IsOpen && t.Assignee is not null && userNames.Contains(t.Assignee))
                .GroupBy(t => t.Assignee!).ToDictionary(g => g.Key, g => g.Count()));
    }

    public Task<string?> LastAssigneeAsync(string definitionId, string activityId, string centerCode, CancellationToken ct)
    {
        lock (_lock)
            return Task.FromResult(_tasks.Values
                .Where(t => t.DefinitionId == definitionId && t.ActivityId == activityId && t.CenterCode == centerCode && t.Assignee is not null)
                .MaxBy(t => (t.CreatedAt, t.Id))?.Assignee);
    }

    // A workflow commit checks and applies its task changes under this store's lock too, so a claim running at
    // the same moment never corrupts the tables. Check and write are two critical sections, though: a claim
    // that lands between them is overwritten. The workflow store would have to hold this lock for its whole
    // commit to close that window; the database store has no such window.
    internal void CheckVersions(IEnumerable<HumanTask> updated)
    {
        lock (_lock) CheckVersionsHeld(updated);
    }

    internal void Apply(WorkflowCommit commit)
    {
        lock (_lock)
        {
            foreach (var task in commit.NewTasks) _tasks[task.Id] = InMemoryWorkflowStore.Copy(task);
            foreach (var task in commit.UpdatedTasks) { task.Version++; _tasks[task.Id] = InMemoryWorkflowStore.Copy(task); }
            _events.AddRange(commit.TaskEvents);
            _comments.AddRange(commit.TaskComments);
        }
    }

    private void CheckVersionsHeld(IEnumerable<HumanTask> updated)
    {
        foreach (var task in updated)
            if (!_tasks.TryGetValue(task.Id, out var current) || current.Version != task.Version)
                throw new WorkflowConflictException("The task was changed by someone else; reload it.");
    }
}
