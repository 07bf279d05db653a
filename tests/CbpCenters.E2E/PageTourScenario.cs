using System.Text.Json.Nodes;
using CbpCenters.Domain.Cases;
using CbpCenters.E2E.Infrastructure;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Cases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CbpCenters.E2E;

/// <summary>Every main page opens for the people it is for, at desktop and tablet widths; each is kept as a screenshot.</summary>
public sealed class PageTourScenario(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task An_administrator_can_open_every_main_page()
    {
        _ = Fixture.Browser;
        var protest = await TestProtestReview.StartAsync(Server, "PHC");
        var taskId = await Server.TaskIdAsync(protest);
        var instanceId = await Server.ScopedAsync(async sp => (await sp.GetRequiredService<CbpCenters.Engine.Tasks.ITaskStore>().FindAsync(taskId, default))!.InstanceId);
        var page = await SignInAsync("admin", "/dashboard");

        foreach (var (url, heading, shot) in new[]
        {
            ("dashboard", "Dashboard", "dashboard-admin"),
            ("inbox?view=center", "Inbox", "inbox-center"),
            ($"tasks/{taskId}", $"Review protest {protest}", "task-unassigned"),
            ("instances", "Workflow instances", "instances"),
            ($"instances/{instanceId}", "Protest review (browser tests) v1", "instance-view"),
            ($"definitions/{TestProtestReview.DefinitionId}", "Workflow definitions", "definitions"),
            ("outbox", "Notices sent", "outbox"),
            ("mailbox", "Mailbox", "mailbox"),
            ("admin/staff", "Staff and roles", "admin-staff"),
            ("admin/reassign", "Bulk reassign", "admin-bulk-reassign"),
            ("admin/centers", "Centers", "admin-centers"),
        })
        {
            await GoAsync(page, url);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("stopped working")).ToHaveCountAsync(0);
            await ScreenshotAsync(page, shot);
        }
    }

    [Fact]
    public async Task The_case_page_shows_deadlines_to_its_Center_and_403_to_another()
    {
        _ = Fixture.Browser;
        var caseId = await Server.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<CbpCentersDbContext>();
            var now = DateTimeOffset.UtcNow;
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var record = new CaseRecord
            {
                Id = Guid.CreateVersion7(), Kind = "Protest", Reference = TestProtestReview.NextProtestNumber(), CenterCode = "PHC",
                RoutingReason = "Importer account assigned to PHC", ImporterNumber = "12-3456789AB", ImporterName = "Hudson Pharma Inc.",
                Data = new JsonObject { ["merchandise"] = "Active pharmaceutical ingredients", ["acceleratedDisposition"] = false },
                Deadlines = [new CaseDeadline("Decide the protest", today.AddYears(2), true, "19 CFR 174.21(a)"), new CaseDeadline("Review by the Import Specialist", today.AddDays(14), false, "Center practice")],
                CreatedAt = now, UpdatedAt = now, CreatedBy = "e2e",
            };
            db.Cases.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });

        var page = await SignInAsync("phc.is1", $"/cases/{caseId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deadlines" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Decide the protest" })).ToContainTextAsync("statutory");
        await ScreenshotAsync(page, "case");

        var other = await SignInAsync("ele.is1", "/inbox");
        var response = await other.GotoAsync($"cases/{caseId}");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = "403 — You cannot open this page" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_inbox_works_at_tablet_width()
    {
        _ = Fixture.Browser;
        var protest = await TestProtestReview.StartAsync(Server, "PHC");
        var page = await SignInAsync("phc.is2", "/inbox?view=unassigned", width: 768, height: 1024);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = protest });
        await row.WaitForAsync();
        await ScreenshotAsync(page, "inbox-tablet-768");
        // The page itself never scrolls sideways; a wide table scrolls inside its own frame.
        var overflow = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.mud-table-container'))
                .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ends at ${Math.round(e.getBoundingClientRect().right)}px`)
            """);
        Assert.Empty(overflow);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The page scrolls sideways: {widths[0]} px of content in {widths[1]} px.");
        // The task list fits too: its title and due date are readable without scrolling the table.
        var table = await page.EvaluateAsync<int[]>("() => { const c = document.querySelector('.mud-table-container'); return [c.scrollWidth, c.clientWidth]; }");
        Assert.True(table[0] <= table[1], $"The task list scrolls sideways at tablet width: {table[0]} px in {table[1]} px.");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Claim Review protest {protest}" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"You now hold \"Review protest {protest}\"")).ToBeVisibleAsync();
        await GoAsync(page, "inbox?view=mine");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = protest })).ToBeVisibleAsync();
    }
}
