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

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public Task SweepAsync(CancellationToken ct) => timers.FireAllDueAsync(ct);
}
