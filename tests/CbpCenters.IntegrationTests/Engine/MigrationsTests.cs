using CbpCenters.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.IntegrationTests.Engine;

/// <summary>Each database's migrations describe exactly the current model, so none is forgotten when the model changes.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqliteCbpCentersDbContext(new DbContextOptionsBuilder<SqliteCbpCentersDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void PostgreSql_migrations_match_the_model()
    {
        using var db = new PostgreSqlCbpCentersDbContext(new DbContextOptionsBuilder<PostgreSqlCbpCentersDbContext>().UseNpgsql("Host=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqlServer_migrations_match_the_model()
    {
        using var db = new SqlServerCbpCentersDbContext(new DbContextOptionsBuilder<SqlServerCbpCentersDbContext>().UseSqlServer("Server=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
