using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Testcontainers.PostgreSql;

namespace CbpCenters.IntegrationTests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the test run, found in this order: a server connection string in
/// CBPCENTERS_TEST_POSTGRES; a throwaway cluster started from the local PostgreSQL binaries (as root, via the
/// postgres user); a Testcontainers container where Docker exists. Otherwise tests that need it are skipped
/// with the reason, except under CI=true, where a missing PostgreSQL is a failure.
/// </summary>
public static class PostgreSqlServer
{
    private static readonly Lazy<Task<(string? ConnectionString, string? Reason)>> Server = new(LocateAsync);

    /// <summary>A new, empty database; or null and the reason it cannot be had (a failure instead under CI=true).</summary>
    public static async Task<(string? ConnectionString, string? Reason)> CreateDatabaseAsync()
    {
        var (server, reason) = await Server.Value;
        if (server is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException($"CI=true but PostgreSQL is unavailable: {reason}");
            return (null, $"PostgreSQL is unavailable: {reason}");
        }
        var name = "cbp_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection)) await create.ExecuteNonQueryAsync();
        return (new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database;
        builder.Database = "postgres";
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<(string?, string?)> LocateAsync()
    {
        if (Environment.GetEnvironmentVariable("CBPCENTERS_TEST_POSTGRES") is { Length: > 0 } configured)
            return (configured, null);
        var reasons = new List<string>();
        try
        {
            if (await StartLocalClusterAsync() is { } local) return (local, null);
            reasons.Add("no local PostgreSQL binaries usable as root");
        }
        catch (Exception ex)
        {
            reasons.Add("local cluster failed: " + ex.Message);
        }
        if (File.Exists("/var/run/docker.sock") || Environment.GetEnvironmentVariable("DOCKER_HOST") is not null)
        {
            try
            {
                var container = new PostgreSqlBuilder("postgres:15").Build();
                await container.StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().Wait();
                return (new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Database = "postgres" }.ConnectionString, null);
            }
            catch (Exception ex)
            {
                reasons.Add("Testcontainers failed: " + ex.Message);
            }
        }
        else
        {
            reasons.Add("no Docker engine for Testcontainers");
        }
        return (null, string.Join("; ", reasons) + ". Set CBPCENTERS_TEST_POSTGRES to a server connection string.");
    }

    /// <summary>initdb + pg_ctl into a temporary folder owned by the postgres user, on a free port, trust auth.</summary>
    private static async Task<string?> StartLocalClusterAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null || Environment.UserName != "root") return null;
        var folder = Path.Combine(Path.GetTempPath(), "cbp-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var port = FreePort();
        await RunAsync("chown", $"postgres {folder}");
        await RunAsync("runuser", $"-u postgres -- {bin}/initdb -D {folder}/data -A trust -U postgres --no-sync");
        await RunAsync("runuser", $"-u postgres -- {bin}/pg_ctl -D {folder}/data -o \"-p {port} -k {folder} -c fsync=off\" -l {folder}/log -w start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            Process.Start("runuser", $"-u postgres -- {bin}/pg_ctl -D {folder}/data -m immediate stop")?.WaitForExit(10_000);
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} failed: {error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
