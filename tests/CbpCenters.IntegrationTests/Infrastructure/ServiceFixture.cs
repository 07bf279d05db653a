using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CbpCenters.Engine.Runtime;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CbpCenters.IntegrationTests.Infrastructure;

/// <summary>
/// The whole service over HTTP on one database, with a fake clock that starts on Monday 2 March 2026, 14:00 UTC.
/// Each scenario class is written once and run per database by a subclass of a few lines.
/// </summary>
public abstract class ServiceFixture : IAsyncLifetime
{
    public const string Password = "Demo!2026";
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private WebApplicationFactory<Program>? _factory;
    private string? _skipReason;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));

    public abstract string Provider { get; }

    /// <summary>The database's connection string, or null with a reason when it cannot be had here.</summary>
    protected abstract Task<(string? ConnectionString, string? Reason)> CreateDatabaseAsync();
    protected virtual Task DropDatabaseAsync(string connectionString) => Task.CompletedTask;

    /// <summary>Extra settings (e.g. Clock:AllowTimeTravel) for fixtures that need them.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();
    protected virtual bool UseFakeClock => true;

    private string? _connectionString;

    public async ValueTask InitializeAsync()
    {
        (_connectionString, _skipReason) = await CreateDatabaseAsync();
        if (_connectionString is null) return;
        Start();
    }

    /// <summary>The database this service runs on; a test may reach past the service to damage what lies beside it.</summary>
    public string ConnectionString => _skipReason is null ? _connectionString! : throw new InvalidOperationException(_skipReason);

    /// <summary>
    /// Stops the service and starts a new one on the same database, as after a deployment or a crash: whatever
    /// the service held only in memory (Hangfire's in-memory store, the mail capture's port, sign-ins) starts
    /// empty; the fake clock keeps its time. <paramref name="whileStopped"/> runs between the two.
    /// </summary>
    public async Task RestartAsync(Func<Task>? whileStopped = null)
    {
        await Factory.DisposeAsync();
        _tokens.Clear();
        if (whileStopped is not null) await whileStopped();
        Start();
    }

    private void Start()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("Database:Provider", Provider);
            web.UseSetting("Database:ConnectionString", _connectionString);
            web.UseSetting("Jobs:RunServer", "false");
            foreach (var (key, value) in Settings) web.UseSetting(key, value);
            web.ConfigureTestServices(services =>
            {
                if (UseFakeClock) services.AddSingleton<TimeProvider>(Clock);
                services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
                // Tests move the fake clock by months; a token must outlive that, as a person would sign in again.
                services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromDays(3650));
            });
        });
        _ = _factory.Server;
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (_connectionString is not null) await DropDatabaseAsync(_connectionString);
        GC.SuppressFinalize(this);
    }

    public IServiceProvider Services => Factory.Services;

    private WebApplicationFactory<Program> Factory
    {
        get
        {
            if (_skipReason is not null) Assert.Skip(_skipReason);
            return _factory!;
        }
    }

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in as a demo user through the login API, with the bearer token set.</summary>
    public async Task<HttpClient> ClientAsync(string userName)
    {
        var client = Anonymous();
        if (!_tokens.TryGetValue(userName, out var token))
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = Password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
            _tokens[userName] = token;
        }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Loses Hangfire's job store, as when its storage is wiped or replaced: the service restarts with an empty
    /// store (in memory with SQLite; with PostgreSQL the hangfire schema is dropped while the service is down).
    /// </summary>
    public virtual Task LoseJobStoreAsync() => RestartAsync();

    public async Task<int> FireDueTimersAsync() => await Services.GetRequiredService<DueTimers>().FireAllDueAsync(default);

    public async Task<T> ScopedAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}

public class SqliteService : ServiceFixture
{
    private string? _file;
    public override string Provider => "Sqlite";

    protected override Task<(string?, string?)> CreateDatabaseAsync()
    {
        _file = Path.Combine(Path.GetTempPath(), $"cbp-test-{Guid.NewGuid():N}.db");
        return Task.FromResult<(string?, string?)>(($"Data Source={_file}", null));
    }

    protected override Task DropDatabaseAsync(string connectionString)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(_file + suffix)) File.Delete(_file + suffix);
        return Task.CompletedTask;
    }
}

public class PostgreSqlService : ServiceFixture
{
    public override string Provider => "PostgreSql";
    protected override Task<(string?, string?)> CreateDatabaseAsync() => PostgreSqlServer.CreateDatabaseAsync();
    protected override Task DropDatabaseAsync(string connectionString) => PostgreSqlServer.DropDatabaseAsync(connectionString);

    public override Task LoseJobStoreAsync() => RestartAsync(async () =>
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand("DROP SCHEMA IF EXISTS hangfire CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    });
}

public static class HttpJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(Options))!;

    public static async Task<JsonArray> ReadArrayAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonArray>(Options))!;

    /// <summary>Asserts the status code, showing the body (usually problem details) when it differs.</summary>
    public static async Task<HttpResponseMessage> ExpectAsync(this Task<HttpResponseMessage> call, System.Net.HttpStatusCode status)
    {
        var response = await call;
        if (response.StatusCode != status)
            Assert.Fail($"Expected {(int)status} {status} but got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
