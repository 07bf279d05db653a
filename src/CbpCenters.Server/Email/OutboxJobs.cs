using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Runtime;
using Hangfire;

namespace CbpCenters.Server.Email;

/// <summary>Hangfire's entry point for mail: after each commit with notices, and every minute for retries.</summary>
public sealed class OutboxJobs(OutboxDispatcher dispatcher)
{
    public const string RecurringId = "outbox-dispatcher";

    [AutomaticRetry(Attempts = 0)]
    public Task DispatchAsync(CancellationToken ct) => dispatcher.DispatchAsync(ct);
}

/// <summary>
/// Wakes the dispatcher as soon as notices are committed, rather than at the next minute. The notices are already
/// saved, so a job store that cannot take the wake-up call only delays them to the recurring dispatch.
/// </summary>
public sealed class OutboxSignal(IBackgroundJobClient jobs, ILogger<OutboxSignal> logger) : IWorkflowCommitListener, INoticesQueuedListener
{
    public Task OnCommittedAsync(WorkflowCommit commit, CancellationToken ct)
    {
        if (commit.Outbox.Count > 0) OnNoticesQueued();
        return Task.CompletedTask;
    }

    public void OnNoticesQueued()
    {
        try
        {
            jobs.Enqueue<OutboxJobs>(j => j.DispatchAsync(CancellationToken.None));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The mail dispatcher could not be woken; saved notices go out with the next recurring dispatch");
        }
    }
}
