using CbpCenters.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CbpCenters.Server.Hosting;

internal sealed class DatabaseHealthCheck(CbpCentersDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct)
            ? HealthCheckResult.Healthy("The database answers.")
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
