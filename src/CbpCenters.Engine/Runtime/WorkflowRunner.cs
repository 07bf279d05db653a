using CbpCenters.Engine.Activities;
using CbpCenters.Engine.Definitions;

namespace CbpCenters.Engine.Runtime;

/// <summary>
/// Runs an instance until every path is blocked or finished. It only moves tokens along connections; what an
/// activity does, including waiting, is the activity's business.
/// </summary>
public sealed class WorkflowRunner(ActivityRegistry registry)
{
    public async Task RunAsync(WorkflowExecution execution)
    {
        while (execution.HasWork)
        {
            var item = execution.Dequeue();
            if (item.Resume is { } bookmark)
                await ResumeAsync(execution, item, bookmark);
            else
                await ExecuteAsync(execution, item);
        }
        Settle(execution);
    }

    private async Task ExecuteAsync(WorkflowExecution execution, WorkItem item)
    {
        if (!execution.Graph.Nodes.TryGetValue(item.ActivityId, out var node))
        {
            Fault(execution, item, item.ActivityId, "", $"Activity '{item.ActivityId}' does not exist in version {execution.Instance.DefinitionVersion}.");
            return;
        }
        var activity = registry.Get(node.Type);
        var context = new ActivityContext(execution, node, Guid.CreateVersion7(), item);
        execution.Journal(JournalEvents.ActivityStarted, node.Id, node.Type);
        if (BackgroundActivities.IsBackground(node))
        {
            await ApplyAsync(execution, BackgroundActivities.Park(context), ActivityResult.Wait());
            return;
        }
        ActivityResult result;
        try
        {
            result = await activity.ExecuteAsync(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Fault(execution, item, node.Id, node.Type, ex.Message);
            return;
        }
        await ApplyAsync(execution, context, result);
    }

    private async Task ResumeAsync(WorkflowExecution execution, WorkItem item, Bookmark bookmark)
    {
        var node = execution.Graph.Nodes[bookmark.ActivityId];
        var activity = registry.Get(node.Type);
        var context = new ActivityContext(execution, node, bookmark.ActivityInstanceId, null);
        execution.RemoveBookmark(bookmark);
        execution.Journal(JournalEvents.ActivityResumed, node.Id, node.Type, message: bookmark.Kind + (bookmark.Name is null ? "" : ":" + bookmark.Name));
        ActivityResult result;
        try
        {
            result = bookmark.Kind == BookmarkKinds.Background
                ? await activity.ExecuteAsync(context)
                : await activity.ResumeAsync(context, bookmark, item.ResumeInput);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (bookmark.Kind == BookmarkKinds.Background && !BackgroundActivities.IsFinalAttempt(item.ResumeInput))
                throw new BackgroundAttemptFailedException(node.Id, ex);
            Fault(execution, item, node.Id, node.Type, ex.Message);
            return;
        }
        await ApplyAsync(execution, context, result);
    }

    private async Task ApplyAsync(WorkflowExecution execution, ActivityContext context, ActivityResult result)
    {
        context.ApplyTo(execution);
        var node = context.Node;
        if (!result.IsCompleted)
        {
            if (execution.OpenBookmarks.Any(b => b.ActivityInstanceId == context.ActivityInstanceId))
                execution.Journal(JournalEvents.ActivitySuspended, node.Id, node.Type);
            return;
        }

        execution.Journal(JournalEvents.ActivityCompleted, node.Id, node.Type, string.Join(",", result.Outcomes));
        await CancelAsync(execution, b => b.ActivityInstanceId == context.ActivityInstanceId, null);
        if (context.CancelBranches)
        {
            var ancestors = execution.Graph.AncestorsOf(node.Id);
            execution.RemoveQueued(w => ancestors.Contains(w.ActivityId));
            await CancelAsync(execution, b => ancestors.Contains(b.ActivityId), $"another path reached {node.Id} first");
        }
        foreach (var outcome in result.Outcomes)
            foreach (var connection in execution.Graph.Outbound(node.Id, outcome))
                execution.Enqueue(new WorkItem(connection.Target.Activity, node.Id, outcome));
    }

    /// <summary>Cancels the matching open bookmarks, letting each activity clean up (e.g. cancel its task).</summary>
    internal async Task CancelAsync(WorkflowExecution execution, Func<Bookmark, bool> which, string? reason)
    {
        var cancelled = execution.OpenBookmarks.Where(which).ToList();
        var seenExecutions = new HashSet<Guid>();
        foreach (var bookmark in cancelled)
        {
            execution.RemoveBookmark(bookmark);
            if (!execution.Graph.Nodes.TryGetValue(bookmark.ActivityId, out var node)) continue;
            var context = new ActivityContext(execution, node, bookmark.ActivityInstanceId, null);
            await registry.Get(node.Type).OnCancelledAsync(context, bookmark);
            context.ApplyTo(execution);
            if (reason is not null && seenExecutions.Add(bookmark.ActivityInstanceId))
                execution.Journal(JournalEvents.BookmarkCancelled, node.Id, node.Type, message: reason);
        }
    }

    private static void Fault(WorkflowExecution execution, WorkItem item, string activityId, string activityType, string message)
    {
        var instance = execution.Instance;
        instance.State.Incidents.Add(new Incident(activityId, activityType, message, execution.Now));
        instance.State.Pending = [item, .. execution.DrainQueue()];
        execution.Journal(JournalEvents.ActivityFaulted, activityId, activityType, message: message);
    }

    private static void Settle(WorkflowExecution execution)
    {
        var instance = execution.Instance;
        instance.UpdatedAt = execution.Now;
        if (instance.Status == WorkflowStatus.Cancelled) return;
        if (instance.State.Pending.Count > 0)
        {
            instance.Status = WorkflowStatus.Faulted;
        }
        else if (execution.OpenBookmarks.Count > 0)
        {
            instance.Status = WorkflowStatus.Suspended;
        }
        else
        {
            instance.Status = WorkflowStatus.Finished;
            instance.FinishedAt = execution.Now;
            instance.State.Activities.Clear();
            execution.Journal(JournalEvents.InstanceFinished);
        }
    }
}
