using System.Text.Json.Nodes;
using CbpCenters.Engine.Activities;
using CbpCenters.Engine.Definitions;

namespace CbpCenters.Engine.Runtime;

/// <summary>
/// Activities marked <c>"runInBackground": true</c> (a slow call, a batch of notices) do not run in the request
/// that reaches them: the step parks them on a Background bookmark and commits; a background job then runs the
/// activity by resuming that bookmark. An attempt that fails before the last one throws and commits nothing, so
/// the job is retried; the last attempt's failure becomes an incident like any other fault.
/// </summary>
public static class BackgroundActivities
{
    public const string Property = "runInBackground";
    public const string AttemptField = "backgroundAttempt";
    public const string FinalField = "finalAttempt";

    /// <summary>
    /// How long the job has before the timer sweeper runs the activity itself (as a last attempt): the job store
    /// may have been lost. Retries of a live job finish well within it.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    public static bool IsBackground(ActivityNode node) => node.BoolProperty(Property);

    internal static ActivityContext Park(ActivityContext context)
    {
        context.CreateBookmark(BookmarkKinds.Background, "background", context.Now + Lease);
        context.Journal(JournalEvents.ActivitySuspended, "queued to run in the background");
        return context;
    }

    /// <summary>The resume input of one attempt.</summary>
    public static JsonObject Attempt(int attempt, bool final) => new() { [AttemptField] = attempt, [FinalField] = final };

    /// <summary>Without attempt information (the sweeper running a lost job) an attempt is the last one.</summary>
    public static bool IsFinalAttempt(JsonObject? input) =>
        input?[FinalField] is not JsonValue v || !v.TryGetValue<bool>(out var final) || final;
}

/// <summary>A background attempt failed and will be retried; nothing of it was saved.</summary>
public sealed class BackgroundAttemptFailedException(string activityId, Exception inner)
    : Exception($"Background activity '{activityId}' failed and will be retried: {inner.Message}", inner)
{
    public string ActivityId { get; } = activityId;
}
