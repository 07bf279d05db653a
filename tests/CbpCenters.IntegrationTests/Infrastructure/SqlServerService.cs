using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;

namespace CbpCenters.IntegrationTests.Infrastructure;

/// <summary>
/// SQL Server in a Testcontainers container where a Docker engine runs; elsewhere the SQL Server scenarios are
/// skipped with the reason. (SQL Server has no local install here, so it is never required by CI.)
/// </summary>
public sealed class SqlServerService : ServiceFixture
{
    private static readonly Lazy<Task<(string? Server, string? Reason)>> Server = new(StartAsync);

    public override string Provider => "SqlServer";

    protected override async Task<(string?, string?)> CreateDatabaseAsync()
    {
        var (server, reason) = await Server.Value;
        if (server is null) return (null, reason);
        var name = "cbp_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new SqlConnection(server);
        await connection.OpenAsync();
#pragma warning disable DAP241 // a database name cannot be a parameter; this one is generated above, not input
        await using (var create = new SqlCommand($"CREATE DATABASE {name}", connection)) await create.ExecuteNonQueryAsync();
#pragma warning restore DAP241
        return (new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ConnectionString, null);
    }

    private static async Task<(string?, string?)> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("CBPCENTERS_TEST_SQLSERVER") is { Length: > 0 } configured) return (configured, null);
        if (!File.Exists("/var/run/docker.sock") && Environment.GetEnvironmentVariable("DOCKER_HOST") is null)
            return (null, "SQL Server needs a Docker engine (Testcontainers) or CBPCENTERS_TEST_SQLSERVER; neither is available here.");
        try
        {
            var container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
            await container.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().Wait();
            return (container.GetConnectionString(), null);
        }
        catch (Exception ex)
        {
            return (null, "SQL Server container failed to start: " + ex.Message);
        }
    }
}
