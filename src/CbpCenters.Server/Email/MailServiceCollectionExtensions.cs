using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Runtime;
using CbpCenters.Server.Auth;
using CbpCenters.Server.Jobs;
using Hangfire;

namespace CbpCenters.Server.Email;

public static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddCbpCentersMail(this IServiceCollection services, SmtpOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<SmtpEndpoint>();
        services.AddHostedService<SmtpCapture>();
        services.AddScoped<OutboxDispatcher>();
        services.AddTransient<OutboxJobs>();
        services.AddScoped<IWorkflowCommitListener, OutboxSignal>();
        services.AddScoped<INoticesQueuedListener, OutboxSignal>();
        services.AddSingleton(new RecurringJobEntry(OutboxJobs.RecurringId,
            manager => manager.AddOrUpdate<OutboxJobs>(OutboxJobs.RecurringId, j => j.DispatchAsync(CancellationToken.None), "* * * * *")));
        return services;
    }

    public static WebApplication UseCbpCentersMail(this WebApplication app)
    {
        app.MapMailApi();
        return app;
    }
}
