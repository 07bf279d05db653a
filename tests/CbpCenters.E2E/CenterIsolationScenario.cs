using CbpCenters.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CbpCenters.E2E;

/// <summary>A Long Beach specialist never sees New York's work: not in the inbox, and not by typing its address.</summary>
public sealed class CenterIsolationScenario(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_Long_Beach_specialist_opening_a_New_York_task_by_its_address_gets_the_403_page()
    {
        _ = Fixture.Browser;
        var protest = await TestProtestReview.StartAsync(Server, "PHC");
        var taskId = await Server.TaskIdAsync(protest);
        var page = await SignInAsync("ele.is1", "/inbox?view=unassigned");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Unassigned" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(protest)).ToHaveCountAsync(0);

        var response = await page.GotoAsync($"tasks/{taskId}");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "403 — You cannot open this page" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("belongs to the PHC Center");
        await Assertions.Expect(page.GetByText(protest)).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "forbidden-403");
    }

    [Fact]
    public async Task A_specialist_opening_the_dashboard_gets_the_403_page()
    {
        _ = Fixture.Browser;
        var page = await SignInAsync("ele.is1", "/inbox");

        var response = await page.GotoAsync("dashboard");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "403 — You cannot open this page" })).ToBeVisibleAsync();
        Assert.Contains("/forbidden", response!.Url, StringComparison.Ordinal);
    }
}
