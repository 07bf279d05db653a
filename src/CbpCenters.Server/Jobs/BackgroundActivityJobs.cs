using CbpCenters.Engine.Runtime;
using Hangfire;
using Hangfire.Server;

namespace CbpCenters.Server.Jobs;

/// <summary>
/// Runs an activity marked to run in the background, with Hangfire's retries: each failed attempt but the last
/// throws and saves nothing; the last one's failure is recorded as an incident on the instance.
/// </summary>
public sealed class BackgroundActivityJobs(WorkflowRuntime runtime)
{
    public const int Retries = 3;

    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [10, 60, 300], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(Guid bookmarkId, PerformContext? context, CancellationToken ct)
    {
        var retry = context?.GetJobParameter<int>("RetryCount") ?? 0;
        try
        {
            await runtime.ResumeAsync(bookmarkId, BackgroundActivities.Attempt(retry + 1, final: retry >= Retries), "background", ct);
        }
        catch (WorkflowConflictException)
        {
            // Already run (by an earlier attempt that committed, or by the sweeper after the lease): nothing to do.
        }
    }
}
