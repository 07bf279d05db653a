using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Tasks;

namespace CbpCenters.Engine.Runtime;

/// <summary>
/// Everything one run of an instance changed. A store writes it in one transaction or not at all: the
/// instance (checked against <see cref="ExpectedVersion"/>), removed and new bookmarks, journal lines,
/// outbox messages and task changes.
/// </summary>
public sealed class WorkflowCommit(WorkflowInstance instance, bool isNew)
{
    public WorkflowInstance Instance { get; } = instance;
    public bool IsNew { get; } = isNew;
    public int ExpectedVersion { get; } = instance.Version;
    public List<Bookmark> NewBookmarks { get; } = [];
    /// <summary>Consumed or cancelled; each must still exist, or the commit is a conflict.</summary>
    public List<Bookmark> RemovedBookmarks { get; } = [];
    public List<JournalEntry> Journal { get; } = [];
    public List<OutboxMessage> Outbox { get; } = [];
    public List<HumanTask> NewTasks { get; } = [];
    /// <summary>Changed tasks; each is checked against the version it was read at.</summary>
    public List<HumanTask> UpdatedTasks { get; } = [];
    public List<TaskEvent> TaskEvents { get; } = [];
    public List<TaskComment> TaskComments { get; } = [];
    /// <summary>Changes to the case the instance works on (its status, a decision, a computed amount).</summary>
    public List<CaseUpdate> CaseUpdates { get; } = [];

    public void UpdateTask(HumanTask task)
    {
        if (!UpdatedTasks.Contains(task) && !NewTasks.Contains(task)) UpdatedTasks.Add(task);
    }
}

/// <summary>Fields of a case set by a step; <c>status</c> is the case's status, anything else its data.</summary>
public sealed record CaseUpdate(Guid CaseId, System.Text.Json.Nodes.JsonObject Changes);

/// <summary>A commit lost a race: the instance or a bookmark changed since it was read. Nothing was written.</summary>
public sealed class WorkflowConflictException(string message, Exception? inner = null) : Exception(message, inner);
