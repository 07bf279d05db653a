using CbpCenters.Engine.Runtime;
using CbpCenters.Persistence;
using CbpCenters.Server.Auth;
using CbpCenters.Server.Hosting;
using Hangfire;
using Hangfire.PostgreSql;

namespace CbpCenters.Server.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire on the service's database (PostgreSQL, SQL Server) or in memory with the SQLite default. The
    /// database holds the truth about timers; Hangfire only decides when to look.
    /// </summary>
    public static IServiceCollection AddCbpCentersJobs(this IServiceCollection services, DatabaseOptions database, JobOptions jobs)
    {
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (database.Provider)
            {
                case DatabaseProvider.PostgreSql:
                    config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.EffectiveConnectionString));
                    break;
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(database.EffectiveConnectionString);
                    break;
                default:
                    config.UseInMemoryStorage();
                    break;
            }
        });
        if (jobs.RunServer)
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = jobs.WorkerCount;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        services.AddSingleton(jobs);
        services.AddTransient<TimerJobs>();
        services.AddScoped<IWorkflowCommitListener, TimerScheduler>();
        return services;
    }

    public static WebApplication UseCbpCentersJobs(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<JobOptions>();
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<TimerJobs>(TimerJobs.SweeperId, j => j.SweepAsync(CancellationToken.None), jobs.SweepCron);
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], DashboardTitle = "CbpCenters jobs" })
            .RequireAuthorization(AppRoles.Administer);
        return app;
    }
}
