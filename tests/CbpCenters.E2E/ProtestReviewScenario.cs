using CbpCenters.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CbpCenters.E2E;

/// <summary>An Import Specialist at PHC takes a protest review from the queue and decides it.</summary>
public sealed class ProtestReviewScenario(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_specialist_claims_a_review_from_the_unassigned_view_and_denies_it_with_reasons()
    {
        _ = Fixture.Browser;
        var protest = await TestProtestReview.StartAsync(Server);
        var page = await SignInAsync("phc.is1", "/inbox");
        await ScreenshotAsync(page, "inbox-mine");

        await page.GetByRole(AriaRole.Link, new() { Name = "Unassigned" }).ClickAsync();
        await WaitUntilInteractiveAsync(page);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = protest });
        await row.WaitForAsync();
        await Assertions.Expect(row).ToContainTextAsync("due in 20 business days");
        await ScreenshotAsync(page, "inbox-unassigned");

        await row.GetByRole(AriaRole.Link, new() { Name = $"Review protest {protest}" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Review protest {protest}" }).WaitForAsync();
        await WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("phc.is1", new() { Exact = true }).First).ToBeVisibleAsync();

        // Wrongly: deny without the reasons the form requires; the service's message appears next to the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Deny", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete: Deny" }).ClickAsync();
        var reasons = page.GetByLabel("Reasons for denial");
        var fieldBox = page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("#field-reasons") });
        await Assertions.Expect(fieldBox).ToContainTextAsync("Reasons for denial is required to Deny.");
        await ScreenshotAsync(page, "task-form-error");

        // Rightly: with reasons, the task completes and the workflow moves on.
        await reasons.FillAsync("The merchandise was correctly classified under 3004.90.9290; the claim is not supported.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete: Deny" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Completed by phc.is1" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "task-completed");

        await GoAsync(page, "inbox?view=completed");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = protest })).ToBeVisibleAsync();
    }
}
