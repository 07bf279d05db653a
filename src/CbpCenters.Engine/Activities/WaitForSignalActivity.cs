using System.Text.Json.Nodes;
using CbpCenters.Engine.Calendar;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Runtime;

namespace CbpCenters.Engine.Activities;

/// <summary>
/// Waits for a named outside event, such as a filer's answer. With a timeout it races a timer: whichever
/// resumes first wins and the other bookmark is cancelled with it.
/// </summary>
public sealed class WaitForSignalActivity : Activity
{
    public const string Received = "Received";
    public const string TimedOut = "TimedOut";

    public override ActivityDescriptor Descriptor { get; } = new(
        "WaitForSignal", "Wait for signal", "Events", "Waits for a named signal (e.g. filer-response) and stores its payload in a variable.",
        [
            new("signal", PropertyKind.Text, "Signal name, e.g. filer-response", Required: true),
            new("timeout", PropertyKind.Duration, "Optional: after this long, continue on TimedOut (P30D, P5BD)"),
            new("variable", PropertyKind.Text, "Optional: variable that receives the signal's payload"),
        ],
        [Received]) { IsBlocking = true, IsBranching = true, HasDynamicOutcomes = true };

    public override IReadOnlyList<string> OutcomesOf(ActivityNode node) =>
        node.StringProperty("timeout") is null ? [Received] : [Received, TimedOut];

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var signal = context.Node.StringProperty("signal")!;
        context.CreateBookmark(BookmarkKinds.Signal, signal);
        if (context.Node.StringProperty("timeout") is { } timeout)
            context.CreateBookmark(BookmarkKinds.Timer, "timeout", context.After(WorkDuration.Parse(timeout), context.Now));
        return ValueTask.FromResult(ActivityResult.Wait());
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonObject? input)
    {
        if (bookmark.Kind == BookmarkKinds.Timer)
        {
            context.Journal(JournalEvents.TimerFired, $"signal '{context.Node.StringProperty("signal")}' did not arrive by {bookmark.DueAt:O}");
            return ValueTask.FromResult(ActivityResult.Complete(TimedOut));
        }
        if (context.Node.StringProperty("variable") is { } variable)
            context.SetVariable(variable, input?.DeepClone());
        context.SetOutput(new JsonObject { ["signal"] = bookmark.Name, ["payload"] = input?.DeepClone(), ["receivedAt"] = context.Now.ToString("O") });
        context.Journal(JournalEvents.SignalReceived, $"signal '{bookmark.Name}'", data: input?.DeepClone().AsObject());
        return ValueTask.FromResult(ActivityResult.Complete(Received));
    }
}
