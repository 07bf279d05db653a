using CbpCenters.Engine.Runtime;

namespace CbpCenters.Engine.Stores;

/// <summary>Instances, their bookmarks and journal. <see cref="CommitAsync"/> is the only way anything is written.</summary>
public interface IWorkflowStore
{
    Task<WorkflowInstance?> FindInstanceAsync(Guid instanceId, CancellationToken ct);
    Task<IReadOnlyList<Bookmark>> GetBookmarksAsync(Guid instanceId, CancellationToken ct);
    Task<Bookmark?> FindBookmarkAsync(Guid bookmarkId, CancellationToken ct);
    /// <summary>Timer bookmarks due at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<Bookmark>> FindDueTimersAsync(DateTimeOffset now, int max, CancellationToken ct);
    /// <summary>Writes the commit in one transaction; throws <see cref="WorkflowConflictException"/> when it lost a race.</summary>
    Task CommitAsync(WorkflowCommit commit, CancellationToken ct);
    Task<Page<WorkflowInstance>> ListInstancesAsync(InstanceQuery query, CancellationToken ct);
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(Guid instanceId, CancellationToken ct);
}

/// <param name="Centers">When set, only instances of these Centers (the caller's); null means every Center.</param>
public sealed record InstanceQuery(
    string? DefinitionId = null, WorkflowStatus? Status = null, string? CorrelationId = null,
    Guid? CaseId = null, string? CenterCode = null, int Page = 1, int PageSize = 50,
    IReadOnlyCollection<string>? Centers = null);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);
