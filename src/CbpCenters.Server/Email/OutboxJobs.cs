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

/// <summary>Wakes the dispatcher as soon as notices are committed, rather than at the next minute.</summary>
public sealed class OutboxSignal(IBackgroundJobClient jobs) : IWorkflowCommitListener, INoticesQueuedListener
{
    public Task OnCommittedAsync(WorkflowCommit commit, CancellationToken ct)
    {
        if (commit.Outbox.Count > 0) OnNoticesQueued();
        return Task.CompletedTask;
    }

    public void OnNoticesQueued() => jobs.Enqueue<OutboxJobs>(j => j.DispatchAsync(CancellationToken.None));
}
