using CbpCenters.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CbpCenters.E2E;

/// <summary>A review nobody decides in time reaches the Center Director, who sees it first on the dashboard.</summary>
public sealed class EscalationScenario(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_Center_Director_sees_an_overdue_review_escalated_to_them_on_the_dashboard()
    {
        _ = Fixture.Browser;
        var protest = await TestProtestReview.StartAsync(Server, "PHC");

        // Twenty business days is four calendar weeks and more; forty days passes the due date whatever the holidays.
        var fired = await Server.AdvanceClockAsync(TimeSpan.FromDays(40));
        Assert.True(fired > 0, "the escalation timer should have fired");

        var page = await SignInAsync("phc.director", "/dashboard");
        var awaiting = page.Locator(".mud-paper").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Escalations awaiting you" }) });
        var row = awaiting.GetByRole(AriaRole.Row).Filter(new() { HasText = protest });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("overdue by");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Escalations received (latest)" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "dashboard-director");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByText("Escalated to the Center Director")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "task-escalated");
    }
}
