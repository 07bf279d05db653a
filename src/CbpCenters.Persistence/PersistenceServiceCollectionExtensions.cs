using CbpCenters.Engine.Stores;
using CbpCenters.Engine.Tasks;
using CbpCenters.Persistence.Identity;
using CbpCenters.Persistence.Providers;
using CbpCenters.Persistence.Stores;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CbpCenters.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>The EF Core context for the configured database, and the engine's stores on top of it.</summary>
    public static IServiceCollection AddCbpCentersPersistence(this IServiceCollection services, DatabaseOptions options)
    {
        var connection = options.EffectiveConnectionString;
        services.AddSingleton(options);
        services.AddSingleton(new WriteTurns(serialize: options.Provider == DatabaseProvider.Sqlite));
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<SqliteCbpCentersDbContext>(o => o.UseSqlite(connection));
                services.AddScoped<CbpCentersDbContext>(sp => sp.GetRequiredService<SqliteCbpCentersDbContext>());
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContext<PostgreSqlCbpCentersDbContext>(o => o.UseNpgsql(connection));
                services.AddScoped<CbpCentersDbContext>(sp => sp.GetRequiredService<PostgreSqlCbpCentersDbContext>());
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<SqlServerCbpCentersDbContext>(o => o.UseSqlServer(connection));
                services.AddScoped<CbpCentersDbContext>(sp => sp.GetRequiredService<SqlServerCbpCentersDbContext>());
                break;
        }
        services.AddScoped<IWorkflowStore, EfWorkflowStore>();
        services.AddScoped<IWorkflowDefinitionStore, EfDefinitionStore>();
        services.AddScoped<ITaskStore, EfTaskStore>();
        services.AddScoped<IStaffDirectory, EfStaffDirectory>();
        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    public static IdentityBuilder AddCbpCentersIdentityStores(this IdentityBuilder identity) =>
        identity.AddEntityFrameworkStores<CbpCentersDbContext>();
}
