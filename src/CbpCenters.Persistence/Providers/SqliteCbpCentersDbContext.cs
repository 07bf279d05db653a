using CbpCenters.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CbpCenters.Persistence.Providers;

public sealed class SqliteCbpCentersDbContext(DbContextOptions<SqliteCbpCentersDbContext> options) : CbpCentersDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        // SQLite has no decimal type: stored as text, which keeps every digit of a duty amount.
        builder.Properties<decimal>().HaveConversion<string>();
    }
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCbpCentersDbContext>
{
    public SqliteCbpCentersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCbpCentersDbContext>().UseSqlite("Data Source=design.db").Options);
}
