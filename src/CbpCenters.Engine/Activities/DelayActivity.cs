using System.Text.Json.Nodes;
using CbpCenters.Engine.Calendar;
using CbpCenters.Engine.Runtime;

namespace CbpCenters.Engine.Activities;

/// <summary>Waits for a duration, counted in the Center's business calendar when it is in business days.</summary>
public sealed class DelayActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "Delay", "Delay", "Timers", "Waits for a duration: P30D (calendar days), P5BD (business days), PT4H.",
        [new("duration", PropertyKind.Duration, "ISO-8601 duration; BD counts business days in the Center's time zone", Required: true)],
        ["Done"]) { IsBlocking = true };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var duration = WorkDuration.Parse(context.Node.StringProperty("duration")!);
        var due = context.After(duration, context.Now);
        context.CreateBookmark(BookmarkKinds.Timer, "delay", due);
        return ValueTask.FromResult(ActivityResult.Wait());
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonObject? input)
    {
        context.Journal(JournalEvents.TimerFired, $"due {bookmark.DueAt:O}");
        return ValueTask.FromResult(ActivityResult.Complete("Done"));
    }
}
