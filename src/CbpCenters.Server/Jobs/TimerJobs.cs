using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using Hangfire;

namespace CbpCenters.Server.Jobs;

/// <summary>
/// Hangfire's entry points for timers. Both are idempotent: the database decides whether a timer is still
/// waiting and due, so a job that runs twice, late, or after the sweeper already fired it does nothing.
/// </summary>
public sealed class TimerJobs(DueTimers timers, IBackgroundJobClient jobs, IWorkflowStore store)
{
    public const string SweeperId = "timer-sweeper";

    [AutomaticRetry(Attempts = 5)]
    public async Task FireAsync(Guid bookmarkId, CancellationToken ct)
    {
        // A job that wakes before the database's due instant (another node's clock runs a little behind, or the
        // service clock was moved) comes back at that instant rather than leaving the timer to the next sweep.
        if (await timers.TryFireAsync(bookmarkId, ct) == TimerState.NotYetDue
            && await store.FindBookmarkAsync(bookmarkId, ct) is { DueAt: { } due })
            jobs.Schedule<TimerJobs>(j => j.FireAsync(bookmarkId, CancellationToken.None), due);
    }

    /// <summary>
    /// Fires every due timer. Sweeps on several nodes may overlap: each firing consumes its bookmark in the
    /// commit that moves the instance on, so a timer two sweeps reach at once fires once and the other sweep
    /// gets a conflict and moves on. There is deliberately no distributed lock: a node killed while sweeping
    /// would leave it held (Hangfire.PostgreSql keeps the lock row for ten minutes), and every other node's
    /// sweep would wait on it, each holding a worker, while due timers whose jobs were lost stayed unfired.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public Task SweepAsync(CancellationToken ct) => timers.FireAllDueAsync(ct);
}
