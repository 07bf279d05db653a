using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(CbpCenters.E2E.Infrastructure.E2EFixture))]

namespace CbpCenters.E2E.Infrastructure;

/// <summary>
/// One service and one Chromium for the whole run. Debian's Chromium is used, never a downloaded browser; where it
/// is missing the tests are skipped with the reason, except under CI=true, where that is a failure.
/// </summary>
public sealed class E2EFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public CentersServer Server { get; } = new();

    /// <summary>Where screenshots are written: artifacts/screenshots beside the test assembly.</summary>
    public static string ArtifactsFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(ArtifactsFolder);
        if (!File.Exists(ChromiumPath)) return;
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Server.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>The browser, or the test is skipped (failed under CI=true) because Chromium is not installed.</summary>
    public IBrowser Browser
    {
        get
        {
            if (_browser is not null) return _browser;
            var reason = $"Chromium is not installed at {ChromiumPath}; install it with 'apt-get install chromium'.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail("CI=true: the browser tests must run. " + reason);
            Assert.Skip(reason);
            return null!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
