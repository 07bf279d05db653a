namespace CbpCenters.Engine.Tasks;

/// <summary>The task inbox table. Task changes made by a workflow step go through the workflow commit instead.</summary>
public interface ITaskStore
{
    Task<HumanTask?> FindAsync(Guid taskId, CancellationToken ct);
    Task<HumanTask?> FindByBookmarkAsync(Guid bookmarkId, CancellationToken ct);
    Task<Stores.Page<HumanTask>> QueryAsync(TaskQuery query, CancellationToken ct);
    /// <summary>
    /// Saves a change checked against the version the task was read at, with the notices it sends, in one
    /// transaction; a lost race throws a conflict and saves neither.
    /// </summary>
    Task UpdateAsync(HumanTask task, IReadOnlyList<TaskEvent> events, IReadOnlyList<Notices.OutboxMessage> notices, CancellationToken ct);
    Task AddCommentAsync(TaskComment comment, CancellationToken ct);
    Task<IReadOnlyList<TaskEvent>> GetHistoryAsync(Guid taskId, CancellationToken ct);
    Task<IReadOnlyList<TaskComment>> GetCommentsAsync(Guid taskId, CancellationToken ct);
    /// <summary>Open (unfinished) tasks per assignee, for least-loaded assignment.</summary>
    Task<IReadOnlyDictionary<string, int>> CountOpenByAssigneeAsync(IReadOnlyCollection<string> userNames, CancellationToken ct);
    /// <summary>Who received the most recent task of this step at this Center, for round-robin assignment.</summary>
    Task<string?> LastAssigneeAsync(string definitionId, string activityId, string centerCode, CancellationToken ct);
}
