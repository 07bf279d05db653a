using CbpCenters.Engine.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CbpCenters.Engine.Runtime;

public enum TimerState { Fired, Gone, NotYetDue }

/// <summary>
/// Fires timer bookmarks whose instant has come. It is idempotent: a bookmark consumed by someone else in the
/// meantime is skipped, and a timer is never fired before its due instant.
/// </summary>
public sealed class DueTimers(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DueTimers> logger)
{
    /// <summary>Fires one timer if it still exists and is due; returns false when there was nothing to do.</summary>
    public async Task<bool> FireAsync(Guid bookmarkId, CancellationToken ct) => await TryFireAsync(bookmarkId, ct) == TimerState.Fired;

    /// <summary>Fires one timer if it still exists and is due, and says what it found.</summary>
    public async Task<TimerState> TryFireAsync(Guid bookmarkId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IWorkflowStore>();
        var bookmark = await store.FindBookmarkAsync(bookmarkId, ct);
        if (bookmark?.DueAt is not { } due) return TimerState.Gone;
        if (due > clock.GetUtcNow()) return TimerState.NotYetDue;
        try
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().ResumeAsync(bookmarkId, null, "timer", ct);
            return TimerState.Fired;
        }
        catch (WorkflowConflictException)
        {
            return TimerState.Gone;
        }
    }

    /// <summary>Fires every due timer, earliest first, including timers that become due as a result.</summary>
    public async Task<int> FireAllDueAsync(CancellationToken ct)
    {
        var fired = 0;
        var failed = new HashSet<Guid>();
        while (true)
        {
            IReadOnlyList<Bookmark> due;
            await using (var scope = scopes.CreateAsyncScope())
                due = await scope.ServiceProvider.GetRequiredService<IWorkflowStore>().FindDueTimersAsync(clock.GetUtcNow(), 200 + failed.Count, ct);
            var todo = due.Where(b => !failed.Contains(b.Id)).ToList();
            if (todo.Count == 0) return fired;
            foreach (var bookmark in todo)
            {
                try
                {
                    if (await FireAsync(bookmark.Id, ct)) fired++;
                    else failed.Add(bookmark.Id);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed.Add(bookmark.Id);
                    logger.LogError(ex, "Timer {BookmarkId} of instance {InstanceId} could not fire", bookmark.Id, bookmark.InstanceId);
                }
            }
        }
    }
}
