using System.Text.Json.Nodes;

namespace CbpCenters.Engine.Runtime;

public enum WorkflowStatus { Running, Suspended, Finished, Faulted, Cancelled }

/// <summary>
/// One run of one definition version. <see cref="Version"/> is the optimistic-concurrency token: every
/// commit checks and increments it, so two transitions computed from the same state cannot both land.
/// </summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string DefinitionName { get; set; } = "";
    public WorkflowStatus Status { get; set; }
    public string? CorrelationId { get; set; }
    public Guid? CaseId { get; set; }
    public string? CenterCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public JsonObject Input { get; set; } = [];
    public JsonObject Variables { get; set; } = [];
    public InstanceState State { get; set; } = new();
    public int Version { get; set; }

    public bool IsEnded => Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled;
}

/// <summary>What the runner needs to continue an instance later, beyond its variables and bookmarks.</summary>
public sealed class InstanceState
{
    /// <summary>Per-activity state, e.g. which inbound connections a Join has seen.</summary>
    public Dictionary<string, JsonObject> Activities { get; set; } = [];

    /// <summary>Outputs of finished activities (a task's outcome, form data and who completed it), for later expressions.</summary>
    public Dictionary<string, JsonObject> Outputs { get; set; } = [];

    /// <summary>The last human decision (outcome, data, activity, completedBy), exposed to expressions as <c>outcome</c>.</summary>
    public JsonObject? LastOutcome { get; set; }

    /// <summary>Work that was queued when the instance faulted, run again by a retry.</summary>
    public List<WorkItem> Pending { get; set; } = [];

    public List<Incident> Incidents { get; set; } = [];

    public int JournalSequence { get; set; }
}

/// <summary>
/// An activity waiting to run and the connection that led to it; or, when <see cref="Resume"/> is set, a
/// bookmark being resumed with its input, kept so that a retry after a fault replays the same resume.
/// </summary>
public sealed record WorkItem(string ActivityId, string? FromActivity = null, string? FromPort = null)
{
    public Bookmark? Resume { get; init; }
    public JsonObject? ResumeInput { get; init; }
}

public sealed record Incident(
    string ActivityId, string ActivityType, string Message, DateTimeOffset At, bool Resolved = false);
