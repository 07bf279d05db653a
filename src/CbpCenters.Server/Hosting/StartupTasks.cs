using CbpCenters.Engine.Definitions;
using CbpCenters.Persistence;
using CbpCenters.Server.Seed;

namespace CbpCenters.Server.Hosting;

/// <summary>What happens once per start, before requests are served: schema, organisation, definitions.</summary>
public sealed class StartupTasks(
    DatabaseMigrator migrator, DemoStaff staff, DefinitionFolder folder, WorkflowFilesOptions workflows, SeedOptions seed,
    IServiceProvider services, IWebHostEnvironment environment, ILogger<StartupTasks> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        await migrator.MigrateAsync(ct);
        await staff.SeedAsync(ct);
        var path = workflows.ResolveFolder(environment.ContentRootPath);
        var problems = await folder.ImportAsync(path, ct);
        logger.LogInformation("Workflow definitions loaded from {Folder}{Problems}", path,
            problems.Count == 0 ? "" : $"; {problems.Count} file(s) rejected");
        if (seed.SampleCases) await services.GetRequiredService<SampleCases>().SeedAsync(ct);
    }
}

public static class StartupTasksExtensions
{
    public static async Task PrepareAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StartupTasks>().RunAsync(app.Lifetime.ApplicationStopping);
    }
}
