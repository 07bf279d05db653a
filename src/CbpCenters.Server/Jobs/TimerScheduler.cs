using CbpCenters.Engine.Runtime;
using Hangfire;

namespace CbpCenters.Server.Jobs;

/// <summary>
/// Schedules a Hangfire job for each timer a commit created, after the commit is durable. If this fails or the
/// job store is lost, the recurring sweeper still fires the timer from the database.
/// </summary>
public sealed class TimerScheduler(IBackgroundJobClient jobs) : IWorkflowCommitListener
{
    public Task OnCommittedAsync(WorkflowCommit commit, CancellationToken ct)
    {
        foreach (var bookmark in commit.NewBookmarks)
            if (bookmark.DueAt is { } due)
                jobs.Schedule<TimerJobs>(j => j.FireAsync(bookmark.Id, CancellationToken.None), due);
        return Task.CompletedTask;
    }
}
