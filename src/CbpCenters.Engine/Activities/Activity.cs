using System.Text.Json.Nodes;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Runtime;

namespace CbpCenters.Engine.Activities;

/// <summary>
/// An activity type. Executing either completes with outcomes or creates bookmarks and waits; a bookmark
/// comes back through <see cref="ResumeAsync"/>. Nothing else in the runner knows what a task or a timer is.
/// </summary>
public abstract class Activity
{
    public abstract ActivityDescriptor Descriptor { get; }

    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonObject? input) =>
        throw new InvalidOperationException($"{Descriptor.Type} does not wait, so it cannot be resumed.");

    /// <summary>Called when a waiting execution is cancelled (a WaitAny join won elsewhere, or the instance was cancelled).</summary>
    public virtual ValueTask OnCancelledAsync(ActivityContext context, Bookmark bookmark) => ValueTask.CompletedTask;

    /// <summary>The outcome ports of this node; for most activities the descriptor's fixed list.</summary>
    public virtual IReadOnlyList<string> OutcomesOf(ActivityNode node) => Descriptor.Outcomes;

    /// <summary>Checks specific to this activity type (required properties are checked for every type).</summary>
    public virtual IEnumerable<string> Validate(ActivityNode node) => [];
}
