using CbpCenters.Engine.Runtime;
using CbpCenters.Server.Auth;
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
        return services;
    }

    public static WebApplication UseCbpCentersMail(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<OutboxJobs>(OutboxJobs.RecurringId, j => j.DispatchAsync(CancellationToken.None), "* * * * *");
        app.MapMailApi();
        return app;
    }
}
