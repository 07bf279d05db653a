using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CbpCenters.E2E.Infrastructure;

/// <summary>A browser scenario: signed-in pages at a chosen screen size, and screenshots kept as artifacts.</summary>
public abstract class BrowserTest(E2EFixture fixture) : IAsyncDisposable
{
    public const string Password = "Demo!2026";
    private readonly List<IBrowserContext> _contexts = [];

    protected E2EFixture Fixture { get; } = fixture;
    protected CentersServer Server => Fixture.Server;

    /// <summary>A fresh browser profile (no cookies) at 1280×800 unless told otherwise.</summary>
    protected async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(20_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in form, as a person would, and waits for the page they land on.</summary>
    protected async Task<IPage> SignInAsync(string userName, string returnUrl = "/", int width = 1280, int height = 800)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync($"login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>Opens a page and waits until its Blazor circuit is live, so clicks reach the server.</summary>
    protected static async Task GoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitUntilInteractiveAsync(page);
    }

    protected static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("#ui-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Saves a full-page screenshot under artifacts/screenshots and attaches it to the test result.</summary>
    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        var file = Path.Combine(E2EFixture.ArtifactsFolder, Regex.Replace(name, "[^a-z0-9-]+", "-") + ".png");
        var bytes = await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        TestContext.Current.AddAttachment(name, bytes, "image/png");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts) await context.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
