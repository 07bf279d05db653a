using System.Text.Json.Nodes;

namespace CbpCenters.Engine.Runtime;

public static class JournalEvents
{
    public const string InstanceStarted = "InstanceStarted";
    public const string InstanceFinished = "InstanceFinished";
    public const string InstanceCancelled = "InstanceCancelled";
    public const string InstanceRetried = "InstanceRetried";
    public const string ActivityStarted = "ActivityStarted";
    public const string ActivityCompleted = "ActivityCompleted";
    public const string ActivitySuspended = "ActivitySuspended";
    public const string ActivityResumed = "ActivityResumed";
    public const string ActivityFaulted = "ActivityFaulted";
    public const string BookmarkCancelled = "BookmarkCancelled";
    public const string Log = "Log";
    public const string EmailQueued = "EmailQueued";
    public const string EmailFailed = "EmailFailed";
    public const string TaskCreated = "TaskCreated";
    public const string TaskCompleted = "TaskCompleted";
    public const string TaskReminded = "TaskReminded";
    public const string TaskEscalated = "TaskEscalated";
    public const string TaskTimedOut = "TaskTimedOut";
    public const string TaskCancelled = "TaskCancelled";
    public const string TimerFired = "TimerFired";
    public const string SignalReceived = "SignalReceived";
    public const string CaseUpdated = "CaseUpdated";
}

/// <summary>One line of an instance's audit trail: what happened, to which activity, by whom and when.</summary>
public sealed class JournalEntry
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public int Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string Event { get; set; } = "";
    public string? ActivityId { get; set; }
    public string? ActivityType { get; set; }
    public string? Outcome { get; set; }
    public string? Actor { get; set; }
    public string? Message { get; set; }
    public JsonObject? Data { get; set; }
}
