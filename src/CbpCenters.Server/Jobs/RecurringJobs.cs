using System.Data.Common;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage;

namespace CbpCenters.Server.Jobs;

/// <summary>A recurring job a module asks for: its id and how to register it.</summary>
public sealed record RecurringJobEntry(string Id, Action<IRecurringJobManager> Register);

/// <summary>
/// Registers the recurring jobs once the host runs. Registering takes a Hangfire lock, and on PostgreSQL a node
/// killed while holding it leaves it held until <see cref="JobOptions.LockTimeout"/>; a node restarted in that
/// window keeps trying here instead of failing to start. The jobs are usually in the store from earlier starts
/// and keep running meanwhile. Any other failure (a malformed cron expression) stops the service, as it should.
/// </summary>
public sealed class RecurringJobs(IEnumerable<RecurringJobEntry> entries, IRecurringJobManager manager, TimeProvider clock, ILogger<RecurringJobs> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = entries.ToList();
        while (pending.Count > 0 && !stoppingToken.IsCancellationRequested)
        {
            foreach (var entry in pending.ToList())
            {
                try
                {
                    entry.Register(manager);
                    pending.Remove(entry);
                }
                catch (Exception ex) when (ex is DistributedLockTimeoutException or PostgreSqlDistributedLockException or DbException or TimeoutException)
                {
                    logger.LogWarning(ex, "Recurring job {JobId} not registered yet; trying again shortly", entry.Id);
                }
            }
            if (pending.Count > 0) await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
        }
    }
}
