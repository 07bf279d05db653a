using CbpCenters.Domain.Cases;
using CbpCenters.E2E.Infrastructure;
using CbpCenters.Server.Cases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CbpCenters.E2E;

/// <summary>A specialist records, on the case page, the written confirmation a filer sent in for an oral disclosure.</summary>
public sealed class FilerAnswerScenario(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_specialist_records_the_filers_written_confirmation_and_the_case_moves_on()
    {
        _ = Fixture.Browser;
        var caseId = await Server.ScopedAsync(async sp =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var filing = CaseSamples.PriorDisclosure(today, oral: true);
            var request = new IntakeRequest(CaseKinds.PriorDisclosure, filing.ImporterNumber, filing.ImporterName, filing.FilerName, filing.FilerEmail,
                filing.Lines, (d, reference) => filing.Open(d, sp.GetRequiredService<CaseOptions>().Law, reference));
            var (result, _) = await sp.GetRequiredService<CaseIntake>().OpenAsync(request, Guid.NewGuid(), "integration", null, default);
            return result.CaseId;
        });

        var page = await SignInAsync("phc.is1", $"/cases/{caseId}");
        await Assertions.Expect(page.GetByText("The case is waiting for: the written confirmation of the disclosure.")).ToBeVisibleAsync();
        await page.GetByLabel("From (the filer's name or address)").FillAsync("trade@hudsonpharma.example");
        await page.GetByLabel("What the filer answered").FillAsync("Our letter of today confirms the disclosure in writing.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the answer" }).ClickAsync();

        await Assertions.Expect(page.GetByText("The filer's answer is recorded; the case moves on.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Filer responses" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Our letter of today confirms the disclosure in writing.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("The case is waiting for: the written confirmation of the disclosure.")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "case-filer-answer");
    }
}
