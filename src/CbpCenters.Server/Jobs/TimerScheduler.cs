using CbpCenters.Engine.Runtime;
using Hangfire;

namespace CbpCenters.Server.Jobs;

/// <summary>
/// Schedules a Hangfire job for each timer a commit created, and enqueues one for each activity parked to run in
/// the background, after the commit is durable. If this fails or the
/// job store is lost, the recurring sweeper still fires the timer from the database.
/// </summary>
public sealed class TimerScheduler(IBackgroundJobClient jobs) : IWorkflowCommitListener
{
    public Task OnCommittedAsync(WorkflowCommit commit, CancellationToken ct)
    {
        foreach (var bookmark in commit.NewBookmarks)
        {
            if (bookmark.Kind == BookmarkKinds.Background)
                jobs.Enqueue<BackgroundActivityJobs>(j => j.RunAsync(bookmark.Id, null, CancellationToken.None));
            else if (bookmark.DueAt is { } due)
                jobs.Schedule<TimerJobs>(j => j.FireAsync(bookmark.Id, CancellationToken.None), due);
        }
        return Task.CompletedTask;
    }
}
