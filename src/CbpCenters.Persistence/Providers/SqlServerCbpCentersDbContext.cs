using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CbpCenters.Persistence.Providers;

public sealed class SqlServerCbpCentersDbContext(DbContextOptions<SqlServerCbpCentersDbContext> options) : CbpCentersDbContext(options);

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCbpCentersDbContext>
{
    public SqlServerCbpCentersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCbpCentersDbContext>().UseSqlServer("Server=localhost;Database=design;TrustServerCertificate=true").Options);
}
