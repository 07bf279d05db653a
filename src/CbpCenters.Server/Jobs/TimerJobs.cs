using CbpCenters.Engine.Runtime;
using Hangfire;

namespace CbpCenters.Server.Jobs;

/// <summary>
/// Hangfire's entry points for timers. Both are idempotent: the database decides whether a timer is still
/// waiting and due, so a job that runs twice, late, or after the sweeper already fired it does nothing.
/// </summary>
public sealed class TimerJobs(DueTimers timers)
{
    public const string SweeperId = "timer-sweeper";

    [AutomaticRetry(Attempts = 5)]
    public Task FireAsync(Guid bookmarkId, CancellationToken ct) => timers.FireAsync(bookmarkId, ct);

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
