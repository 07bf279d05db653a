using CbpCenters.E2E.Infrastructure;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CbpCenters.E2E;

/// <summary>A specialist going on leave names a substitute and hands over the task they hold, from their own page.</summary>
public sealed class OutOfOfficeScenario(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_specialist_going_out_of_office_hands_the_task_they_hold_to_their_substitute()
    {
        _ = Fixture.Browser;
        var protest = await TestProtestReview.StartAsync(Server, "PHC");
        var page = await SignInAsync("phc.is3", "/inbox?view=unassigned");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = protest });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Claim Review protest {protest}" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"You now hold \"Review protest {protest}\"")).ToBeVisibleAsync();

        await GoAsync(page, "me/out-of-office");
        try
        {
            await page.GetByRole(AriaRole.Switch, new() { Name = "Out of office" }).CheckAsync();
            await page.GetByLabel("Substitute (receives new tasks meanwhile)").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "phc.is1", Exact = true }).ClickAsync();
            await page.GetByLabel("Also hand the open tasks phc.is3 holds to phc.is1").CheckAsync();
            await ScreenshotAsync(page, "out-of-office");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save out-of-office" }).ClickAsync();
            await Assertions.Expect(page.GetByText("phc.is3 is out of office; new tasks go to phc.is1; 1 task handed over.")).ToBeVisibleAsync();

            var holder = await Server.ScopedAsync(sp => sp.GetRequiredService<CbpCentersDbContext>().Tasks
                .Where(t => t.CaseReference == protest).Select(t => t.Assignee).SingleAsync());
            Assert.Equal("phc.is1", holder);
        }
        finally
        {
            // Back in the office whatever happened, so the other scenarios find phc.is3 as the demo data has them.
            await Server.ScopedAsync(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<StaffUser>>();
                var me = await users.FindByNameAsync("phc.is3");
                me!.OutOfOffice = false;
                me.Substitute = null;
                return await users.UpdateAsync(me);
            });
        }
    }
}
