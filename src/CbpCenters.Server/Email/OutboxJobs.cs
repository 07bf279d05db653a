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

/// <summary>Wakes the dispatcher as soon as a step's notices are committed, rather than at the next minute.</summary>
public sealed class OutboxSignal(IBackgroundJobClient jobs) : IWorkflowCommitListener
{
    public Task OnCommittedAsync(WorkflowCommit commit, CancellationToken ct)
    {
        if (commit.Outbox.Count > 0) jobs.Enqueue<OutboxJobs>(j => j.DispatchAsync(CancellationToken.None));
        return Task.CompletedTask;
    }
}
