using System.Text.Json.Nodes;

namespace CbpCenters.Engine.Runtime;

public static class BookmarkKinds
{
    public const string HumanTask = "HumanTask";
    public const string Timer = "Timer";
    public const string Signal = "Signal";
    /// <summary>An activity marked to run in the background: resumed by a job, with retries, right after commit.</summary>
    public const string Background = "Background";
}

/// <summary>
/// A blocked activity's promise to continue. The row exists until it is consumed or cancelled; consuming
/// deletes it in the same transaction as the instance update, so it is resumed at most once.
/// </summary>
public sealed class Bookmark
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string ActivityId { get; set; } = "";
    /// <summary>The execution of the activity that created it; completing that execution cancels its other bookmarks.</summary>
    public Guid ActivityInstanceId { get; set; }
    public string Kind { get; set; } = "";
    /// <summary>Signal name, or a purpose chosen by the activity (e.g. "timeout", "escalation:1").</summary>
    public string? Name { get; set; }
    /// <summary>For timers: the instant it may fire, never earlier.</summary>
    public DateTimeOffset? DueAt { get; set; }
    public JsonObject? Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool IsTimer => DueAt is not null;
}
