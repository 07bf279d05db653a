using System.Net;
using System.Text.Json.Nodes;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Runtime;
using CbpCenters.Server.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CbpCenters.E2E.Infrastructure;

/// <summary>
/// The real service on a loopback port (a browser needs a real socket, not the in-memory test server), on its own
/// SQLite file, with the demo staff, a clock that tests may move forward, and no Hangfire server: timers are fired
/// by the tests when they move the clock.
/// </summary>
public sealed class CentersServer : WebApplicationFactory<Program>
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"cbp-e2e-{Guid.NewGuid():N}.db");

    public Uri BaseAddress { get; private set; } = default!;

    public void Start()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder web)
    {
        web.UseEnvironment("Development");
        web.UseSetting("Database:Provider", "Sqlite");
        web.UseSetting("Database:ConnectionString", $"Data Source={_database}");
        web.UseSetting("Clock:AllowTimeTravel", "true");
        web.UseSetting("Jobs:RunServer", "false");
        web.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000));
    }

    /// <summary>Publishes a definition as a supervisor would, unless a version of it is already there.</summary>
    public async Task PublishAsync(string json)
    {
        await using var scope = Services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<DefinitionService>();
        await definitions.ImportAsync(DefinitionJson.Parse(json), "e2e", default);
    }

    public async Task<WorkflowInstance> StartAsync(string definitionId, JsonObject input, string centerCode)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>()
            .StartAsync(new StartWorkflow(definitionId, input, CenterCode: centerCode, Actor: "e2e"));
    }

    /// <summary>Moves the service clock forward and fires every timer that came due, as the time-travel API does.</summary>
    public async Task<int> AdvanceClockAsync(TimeSpan by)
    {
        Services.GetRequiredService<ServiceClock>().Advance(by);
        return await Services.GetRequiredService<DueTimers>().FireAllDueAsync(default);
    }

    public async Task<T> ScopedAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(_database + suffix)) File.Delete(_database + suffix);
    }
}
