using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CbpCenters.Persistence;

/// <summary>Brings the database to the current schema at start-up, with the migrations of its provider.</summary>
public sealed class DatabaseMigrator(CbpCentersDbContext db, DatabaseOptions options, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(options.EffectiveConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
            logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Migrations}", pending.Count, options.Provider, string.Join(", ", pending));
        await db.Database.MigrateAsync(ct);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers (the inbox) proceed while a workflow step commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
