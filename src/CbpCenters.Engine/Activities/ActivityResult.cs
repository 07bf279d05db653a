namespace CbpCenters.Engine.Activities;

/// <summary>How an activity execution ended: completed with outcomes, or waiting (on bookmarks or on other paths).</summary>
public sealed class ActivityResult
{
    private ActivityResult(IReadOnlyList<string> outcomes, bool completed)
    {
        Outcomes = outcomes;
        IsCompleted = completed;
    }

    public IReadOnlyList<string> Outcomes { get; }
    public bool IsCompleted { get; }

    public static ActivityResult Complete(params string[] outcomes) => new(outcomes, true);

    /// <summary>The activity waits: on the bookmarks it created, or (a Join) for more paths to arrive.</summary>
    public static ActivityResult Wait() => new([], false);
}
