using CbpCenters.Engine.Runtime;
using CbpCenters.Persistence;
using CbpCenters.Server.Auth;
using CbpCenters.Server.Hosting;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;

namespace CbpCenters.Server.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire on the service's database (PostgreSQL, SQL Server) or in memory with the SQLite default. The
    /// database holds the truth about timers; Hangfire only decides when to look.
    /// </summary>
    public static IServiceCollection AddCbpCentersJobs(this IServiceCollection services, DatabaseOptions database, JobOptions jobs)
    {
        // Hangfire keeps its storage, job activator and log provider in process-wide statics, and AddHangfire
        // reads them back. This host registers its own storage and activator, and a log provider that outlives
        // a stopped host, so it never schedules into, runs jobs in, or logs through another host's services
        // (several hosts share a process in the integration tests, and a host may be restarted in-process).
        services.AddSingleton<JobStorage>(_ => CreateStorage(database, jobs));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>()))
            .UseStorage(provider.GetRequiredService<JobStorage>()));
        if (jobs.RunServer)
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = jobs.WorkerCount;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        services.AddSingleton(jobs);
        services.AddTransient<TimerJobs>();
        services.AddTransient<BackgroundActivityJobs>();
        services.AddScoped<IWorkflowCommitListener, TimerScheduler>();
        services.AddHostedService<RecurringJobs>();
        services.AddSingleton(new RecurringJobEntry(TimerJobs.SweeperId,
            manager => manager.AddOrUpdate<TimerJobs>(TimerJobs.SweeperId, j => j.SweepAsync(CancellationToken.None), jobs.SweepCron)));
        return services;
    }

    private static JobStorage CreateStorage(DatabaseOptions database, JobOptions jobs)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.PostgreSql:
                if (jobs.LockTimeout < JobOptions.ShortestLockTimeout)
                    throw new InvalidOperationException($"Jobs:LockTimeout is {jobs.LockTimeout}; it must be at least {JobOptions.ShortestLockTimeout}.");
                // Hangfire.PostgreSql keeps its locks as rows, so a node killed while holding one (the recurring
                // or the delayed job scheduler's) blocks every other node until the row is old enough to be taken
                // over: ten minutes by default, during which no sweep runs. Our jobs are idempotent, so a takeover
                // of a lock still in use costs at most a job done twice. A job a killed node had fetched comes back once its
                // invisibility lapses; the sliding variant keeps a long-running job invisible while its node lives.
                var options = new PostgreSqlStorageOptions
                {
                    DistributedLockTimeout = jobs.LockTimeout,
                    InvisibilityTimeout = jobs.LockTimeout * 2,
                    UseSlidingInvisibilityTimeout = true,
                };
                return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.EffectiveConnectionString, options), options);
            case DatabaseProvider.SqlServer:
                return new SqlServerStorage(database.EffectiveConnectionString);
            default:
                return new InMemoryStorage();
        }
    }

    public static WebApplication UseCbpCentersJobs(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], DashboardTitle = "CbpCenters jobs" })
            .RequireAuthorization(AppRoles.Administer);
        return app;
    }
}
