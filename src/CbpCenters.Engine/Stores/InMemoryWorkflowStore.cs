using System.Text.Json;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tasks;

namespace CbpCenters.Engine.Stores;

/// <summary>
/// A store in process memory with the same guarantees as the database one: a commit applies entirely or not at
/// all, and loses to any concurrent commit on the same instance or bookmark. Values are copied in and out, so
/// callers never share state with the store.
/// </summary>
public sealed class InMemoryWorkflowStore : IWorkflowStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, WorkflowInstance> _instances = [];
    private readonly Dictionary<Guid, Bookmark> _bookmarks = [];
    private readonly List<JournalEntry> _journal = [];

    public InMemoryTaskStore Tasks { get; } = new();
    public List<Notices.OutboxMessage> Outbox { get; } = [];
    public List<CaseUpdate> CaseUpdates { get; } = [];

    public Task<WorkflowInstance?> FindInstanceAsync(Guid instanceId, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult(_instances.TryGetValue(instanceId, out var i) ? Copy(i) : null);
    }

    public Task<IReadOnlyList<Bookmark>> GetBookmarksAsync(Guid instanceId, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<Bookmark>>([.. _bookmarks.Values.Where(b => b.InstanceId == instanceId).Select(Copy)]);
    }

    public Task<Bookmark?> FindBookmarkAsync(Guid bookmarkId, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult(_bookmarks.TryGetValue(bookmarkId, out var b) ? Copy(b) : null);
    }

    public Task<IReadOnlyList<Bookmark>> FindDueTimersAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<Bookmark>>([.. _bookmarks.Values
                .Where(b => b.DueAt <= now).OrderBy(b => b.DueAt).ThenBy(b => b.Id).Take(max).Select(Copy)]);
    }

    public Task CommitAsync(WorkflowCommit commit, CancellationToken ct)
    {
        lock (_lock)
        {
            var instance = commit.Instance;
            if (commit.IsNew ? _instances.ContainsKey(instance.Id)
                : !_instances.TryGetValue(instance.Id, out var current) || current.Version != commit.ExpectedVersion)
                throw new WorkflowConflictException("The workflow instance was changed by someone else.");
            if (commit.RemovedBookmarks.Any(b => !_bookmarks.ContainsKey(b.Id)))
                throw new WorkflowConflictException("This step was already completed, timed out or cancelled.");
            Tasks.CheckVersions(commit.UpdatedTasks);

            instance.Version = commit.ExpectedVersion + 1;
            _instances[instance.Id] = Copy(instance);
            foreach (var b in commit.RemovedBookmarks) _bookmarks.Remove(b.Id);
            foreach (var b in commit.NewBookmarks) _bookmarks[b.Id] = Copy(b);
            foreach (var entry in commit.Journal) { entry.Id = _journal.Count + 1; _journal.Add(entry); }
            Outbox.AddRange(commit.Outbox);
            CaseUpdates.AddRange(commit.CaseUpdates);
            Tasks.Apply(commit);
        }
        return Task.CompletedTask;
    }

    public Task<Page<WorkflowInstance>> ListInstancesAsync(InstanceQuery query, CancellationToken ct)
    {
        lock (_lock)
        {
            var matches = _instances.Values
                .Where(i => query.DefinitionId is null || i.DefinitionId == query.DefinitionId)
                .Where(i => query.Status is null || i.Status == query.Status)
                .Where(i => query.CorrelationId is null || i.CorrelationId == query.CorrelationId)
                .Where(i => query.CaseId is null || i.CaseId == query.CaseId)
                .Where(i => query.CenterCode is null || i.CenterCode == query.CenterCode)
                .Where(i => query.Centers is null || (i.CenterCode is not null && query.Centers.Contains(i.CenterCode)))
                .OrderByDescending(i => i.CreatedAt).ToList();
            var page = matches.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(Copy).ToList();
            return Task.FromResult(new Page<WorkflowInstance>(page, matches.Count, query.Page, query.PageSize));
        }
    }

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(Guid instanceId, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<JournalEntry>>([.. _journal.Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence)]);
    }

    internal static T Copy<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value))!;
}
