using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CbpCenters.Persistence.Providers;

public sealed class PostgreSqlCbpCentersDbContext(DbContextOptions<PostgreSqlCbpCentersDbContext> options) : CbpCentersDbContext(options);

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlCbpCentersDbContext>
{
    public PostgreSqlCbpCentersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlCbpCentersDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
