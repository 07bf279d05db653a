using System.Globalization;
using System.Text.Json.Nodes;
using CbpCenters.Engine.Runtime;

namespace CbpCenters.Engine.Activities;

/// <summary>Waits until an instant computed by an expression, e.g. a statutory limit from the case.</summary>
public sealed class TimerActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "Timer", "Timer", "Timers", "Waits until an instant: JavaScript yielding an ISO date or date-time (a date means its start in the Center's time zone).",
        [new("until", PropertyKind.Expression, "e.g. case.decisionLimit", Required: true)],
        ["Done"]) { IsBlocking = true };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var value = context.Evaluate(context.Node.StringProperty("until")!);
        var due = ToInstant(value, context.TimeZone)
            ?? throw new InvalidOperationException($"Timer 'until' gave {value?.ToJsonString() ?? "nothing"}, not a date or date-time.");
        context.CreateBookmark(BookmarkKinds.Timer, "until", due);
        return ValueTask.FromResult(ActivityResult.Wait());
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonObject? input)
    {
        context.Journal(JournalEvents.TimerFired, $"due {bookmark.DueAt:O}");
        return ValueTask.FromResult(ActivityResult.Complete("Done"));
    }

    /// <summary>An ISO date (start of that day in <paramref name="zone"/>) or date-time, as a UTC instant.</summary>
    public static DateTimeOffset? ToInstant(JsonNode? value, TimeZoneInfo zone)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime()
            : null;
    }
}
