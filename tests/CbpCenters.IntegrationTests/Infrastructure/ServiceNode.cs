using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace CbpCenters.IntegrationTests.Infrastructure;

/// <summary>
/// One node of the service as it runs in production: a separate process of the built server
/// (<c>dotnet CbpCenters.Server.dll</c>, the copy next to these tests) on a free loopback port, on a shared
/// PostgreSQL database, with its Hangfire server and time-skipping on. Disposing it kills the process.
/// </summary>
public sealed class ServiceNode : IAsyncDisposable
{
    private const int OutputLines = 300;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceNode(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    public string Name { get; }
    public Uri Address { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the node wrote, for a failure message.</summary>
    public string Output => $"--- {Name} (pid {_process.Id}) ---\n" + string.Join("\n", _output);

    /// <summary>Starts a node and waits until <c>/health</c> answers, or fails with what the node wrote.</summary>
    public static async Task<ServiceNode> StartAsync(string name, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = Path.Combine(AppContext.BaseDirectory, "CbpCenters.Server.dll");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", $"\"{server}\" --urls http://127.0.0.1:{port}")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "PostgreSql";
        start.Environment["Database__ConnectionString"] = connectionString;
        start.Environment["Clock__AllowTimeTravel"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Error";
        // The host says "Application started" once it has migrated, seeded and is listening: the start is awaited on that line.
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var node = new ServiceNode(name, process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => node.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => node.Remember(e.Data);
        process.Start();
        // A test run that ends abruptly must not leave a node running.
        AppDomain.CurrentDomain.ProcessExit += node.KillOnExit;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        return node;
    }

    /// <summary>A client signed in on this node (tokens are not shared between nodes).</summary>
    public async Task<HttpClient> SignInAsync(string userName, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = timeout ?? TimeSpan.FromMinutes(5) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = ServiceFixture.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Kills the process at once, as a crash or an out-of-memory kill would: no shutdown, no cleanup.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits for the host to say it has started (after migrating and seeding), then checks it answers.</summary>
    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => _started.TrySetException(new InvalidOperationException($"Node {Name} exited while starting.\n{Output}"));
        try
        {
            await _started.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            Kill();
            throw new TimeoutException($"Node {Name} did not start within {timeout}.\n{Output}");
        }
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        var health = await probe.GetAsync("/health");
        if (health.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"Node {Name} started but /health answered {(int)health.StatusCode}.\n{Output}");
    }

    private void KillOnExit(object? sender, EventArgs e) => Kill();

    private void Remember(string? line)
    {
        if (line is null) return;
        if (line.Contains("Application started", StringComparison.Ordinal)) _started.TrySetResult();
        _output.Enqueue(line);
        while (_output.Count > OutputLines) _output.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
