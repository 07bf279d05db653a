using CbpCenters.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CbpCenters.E2E;

/// <summary>An inbox filter saved under a name is kept on the server and brings the same tasks back later.</summary>
public sealed class SavedFilterScenario(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_saved_filter_survives_a_new_sign_in_and_finds_the_same_task()
    {
        _ = Fixture.Browser;
        var protest = await TestProtestReview.StartAsync(Server, "PHC");
        var page = await SignInAsync("phc.is3", "/inbox?view=center");
        await page.GetByLabel("Case number").FillAsync(protest);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 task", new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Name for the current filter").FillAsync($"Protest {protest}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save filter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Protest {protest}", Exact = true })).ToBeVisibleAsync();

        var later = await SignInAsync("phc.is3", "/inbox?view=center");
        await later.GetByRole(AriaRole.Button, new() { Name = $"Protest {protest}", Exact = true }).ClickAsync();
        await Assertions.Expect(later.GetByText("1 task", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(later.GetByRole(AriaRole.Row).Filter(new() { HasText = protest })).ToBeVisibleAsync();
        await Assertions.Expect(later.GetByLabel("Case number")).ToHaveValueAsync(protest);
        await ScreenshotAsync(later, "inbox-saved-filter");
    }
}
