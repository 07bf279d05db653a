using System.Net;
using System.Net.Http.Json;
using CbpCenters.IntegrationTests.Infrastructure;

namespace CbpCenters.IntegrationTests.Cases;

/// <summary>
/// Each Center process walked over HTTP through its main paths, from the filing to the filer's notice, with the
/// clock moved forward where the law's periods run out.
/// </summary>
public abstract class CenterProcessScenarios(ServiceFixture service)
{
    private readonly CenterDesk _desk = new(service);

    private object Protest(string number, bool accelerated) => new
    {
        protestNumber = number, filedOn = _desk.Today.ToString("yyyy-MM-dd"), importerNumber = "12-3456789AA", protestant = "Pacific Circuits Corp.",
        filerEmail = "broker@bayside.example",
        entries = new[] { new { entryNumber = "ABC-1234567-6", entryDate = _desk.Today.AddDays(-400).ToString("yyyy-MM-dd"), liquidationDate = _desk.Today.AddDays(-60).ToString("yyyy-MM-dd") } },
        merchandiseDescription = "Printed circuit assemblies",
        categories = new[] { new { decisionProtested = "Classification under 8473.30.1180", claim = "8471.80.1000, free", justification = "Complete units" } },
        acceleratedDisposition = accelerated, acceleratedDispositionRequestedOn = accelerated ? _desk.Today.ToString("yyyy-MM-dd") : null, furtherReview = false,
    };

    [Fact]
    public async Task A_protest_under_accelerated_disposition_not_decided_in_30_days_is_deemed_denied_and_the_filer_notified()
    {
        var filed = await _desk.FileAsync("/api/v1/protests", Protest("2704-26-500001", accelerated: true));
        var caseId = filed["caseId"]!.GetValue<string>();
        Assert.Equal("Under review", await _desk.StatusAsync(caseId));
        var received = await _desk.OnlyNoticeAsync(caseId, "protest-received");
        Assert.Contains("ele.nam@cbpcenters.example", received["cc"]!.ToJsonString());
        var review = await _desk.OpenTaskAsync(caseId, "review");

        service.Clock.Advance(TimeSpan.FromDays(29));
        await service.FireDueTimersAsync();
        Assert.Equal("Under review", await _desk.StatusAsync(caseId));

        service.Clock.Advance(TimeSpan.FromDays(3));
        await service.FireDueTimersAsync();

        Assert.Equal("Deemed denied", await _desk.StatusAsync(caseId));
        var notice = await _desk.OnlyNoticeAsync(caseId, "protest-deemed-denied");
        Assert.Contains("broker@bayside.example", notice["to"]!.ToJsonString());
        var task = await (await (await service.ClientAsync("ele.is1")).GetAsync($"/api/v1/tasks/{review["id"]}")).ReadObjectAsync();
        Assert.Equal("Cancelled", task["task"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_protest_review_still_open_forty_business_days_before_the_two_year_limit_goes_to_the_DFO()
    {
        var caseId = (await _desk.FileAsync("/api/v1/protests", Protest("2704-26-500009", accelerated: false)))["caseId"]!.GetValue<string>();
        var limit = DateOnly.Parse((await _desk.CaseAsync(caseId))["data"]!["decisionLimit"]!.GetValue<string>());
        var admin = await service.ClientAsync("admin");
        var toDfo = (await admin.InstanceAsync(caseId)).DueOf("escalation:2");

        // Counted back from the case's limit, not from when the task was made: midnight in Long Beach, on a
        // business day some eight weeks before the limit.
        var longBeach = TimeZoneInfo.ConvertTime(toDfo, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));
        Assert.Equal(TimeSpan.Zero, longBeach.TimeOfDay);
        Assert.InRange(limit.DayNumber - DateOnly.FromDateTime(longBeach.DateTime).DayNumber, 56, 62);

        service.Clock.SetUtcNow(toDfo - TimeSpan.FromMinutes(1));
        await service.FireDueTimersAsync();
        Assert.Empty(await _desk.NoticesAsync(caseId, "task-escalated-dfo"));
        service.Clock.SetUtcNow(toDfo);
        await service.FireDueTimersAsync();

        var notice = await _desk.OnlyNoticeAsync(caseId, "task-escalated-dfo");
        Assert.Contains("dfo.losangeles@", notice["to"]!.ToJsonString());
        Assert.Contains("dfo.losangeles", (await _desk.OpenTaskAsync(caseId, "review"))["escalatedTo"]!.ToJsonString());
    }

    [Fact]
    public async Task A_denied_protest_needs_a_second_person_and_its_notice_carries_the_reasons_and_the_180_day_court_date()
    {
        var caseId = (await _desk.FileAsync("/api/v1/protests", Protest("2704-26-500002", accelerated: false)))["caseId"]!.GetValue<string>();
        var review = await _desk.OpenTaskAsync(caseId, "review");
        // Least-loaded routing picks whichever specialist has fewer open tasks, which depends on the tests run before.
        var reviewerName = review["assignee"]!.GetValue<string>();
        var otherSpecialist = reviewerName == "ele.is1" ? "ele.is2" : "ele.is1";
        var reviewer = await service.ClientAsync(reviewerName);
        var problem = await (await reviewer.PostAsJsonAsync($"/api/v1/tasks/{review["id"]}/complete", new { outcome = "Deny", data = new { } })
            .ExpectAsync(HttpStatusCode.BadRequest)).ReadObjectAsync();
        Assert.True(problem["errors"]!.AsObject().ContainsKey("data.reasons"));
        const string reasons = "The assemblies are parts of computers, not complete units (GRI 1; note 5(C) to chapter 84).";
        await reviewer.PostAsJsonAsync($"/api/v1/tasks/{review["id"]}/complete", new { outcome = "Deny", data = new { reasons } }).ExpectAsync(HttpStatusCode.OK);

        var approval = await _desk.OpenTaskAsync(caseId, "approval");
        await reviewer.PostAsync($"/api/v1/tasks/{approval["id"]}/claim", null).ExpectAsync(HttpStatusCode.Forbidden);
        await (await service.ClientAsync(otherSpecialist)).PostAsync($"/api/v1/tasks/{approval["id"]}/claim", null).ExpectAsync(HttpStatusCode.Forbidden);
        await _desk.ClaimAndCompleteAsync("ele.supervisor", caseId, "approval", "Approve", new { comments = "Agree." });

        Assert.Equal("Denied", await _desk.StatusAsync(caseId));
        var decisionDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(service.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).DateTime);
        var court = decisionDate.AddDays(180);
        var detail = await _desk.CaseAsync(caseId);
        Assert.Equal(court.ToString("yyyy-MM-dd"), detail["data"]!["courtDeadline"]!.GetValue<string>());
        Assert.Contains(detail["deadlines"]!.AsArray(), d => d!["name"]!.GetValue<string>() == "Court of International Trade" && d["date"]!.GetValue<string>() == court.ToString("yyyy-MM-dd"));
        var notice = await _desk.OnlyNoticeAsync(caseId, "protest-decision");
        var body = (await (await (await service.ClientAsync("admin")).GetAsync($"/api/v1/outbox/{notice["id"]}")).ReadObjectAsync())["message"]!["textBody"]!.GetValue<string>();
        Assert.Contains(reasons, body);
        Assert.Contains("Court of International Trade", body);
        Assert.Contains(court.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture), body);
    }

    [Fact]
    public async Task A_PSC_filed_10_days_before_liquidation_is_rejected_as_late_with_a_notice()
    {
        var filed = await _desk.FileAsync("/api/v1/post-summary-corrections", new
        {
            entryNumber = "999-9999999-0", entryDate = _desk.Today.AddDays(-200).ToString("yyyy-MM-dd"), entryType = "01",
            scheduledLiquidationDate = _desk.Today.AddDays(10).ToString("yyyy-MM-dd"), filedOn = _desk.Today.ToString("yyyy-MM-dd"),
            importerNumber = "12-3456789AB", reasonCodes = new[] { "CL" }, explanation = "Corrected classification of line 1.",
        });
        var caseId = filed["caseId"]!.GetValue<string>();

        Assert.Equal("Rejected", await _desk.StatusAsync(caseId));
        Assert.Empty((await _desk.CaseAsync(caseId))["openTasks"]!.AsArray());
        var notice = await _desk.OnlyNoticeAsync(caseId, "psc-rejected");
        var body = (await (await (await service.ClientAsync("admin")).GetAsync($"/api/v1/outbox/{notice["id"]}")).ReadObjectAsync())["message"]!["textBody"]!.GetValue<string>();
        Assert.Contains("15 days", body);
    }

    [Fact]
    public async Task A_prior_disclosure_whose_tender_never_comes_escalates_to_the_Center_Director()
    {
        var caseId = (await _desk.FileAsync("/api/v1/prior-disclosures", new
        {
            filedOn = _desk.Today.ToString("yyyy-MM-dd"), importerNumber = "12-3456789AB", oral = false, merchandiseClass = "Active pharmaceutical ingredients",
            entryNumbers = new[] { "999-9999999-0" }, falseStatements = "Origin declared as Ireland", trueInformation = "Origin is India", estimatedLoss = 18250.40,
        }))["caseId"]!.GetValue<string>();
        await _desk.OnlyNoticeAsync(caseId, "prior-disclosure-received");

        await _desk.ClaimAndCompleteAsync("phc.is1", caseId, "isValidation", "Validated", new { conclusion = "Complete and accurate", findings = "Entries and values reconciled." });
        await _desk.ClaimAndCompleteAsync("phc.auditor", caseId, "auditValidation", "Validated", new { conclusion = "Complete and accurate", findings = "Books agree." });
        await _desk.ClaimAndCompleteAsync("phc.is1", caseId, "computeLoss", "Computed", new { lossOfDuties = 18250.40, computation = "5.2% of 351,007.69" });
        await _desk.ClaimAndCompleteAsync("phc.paralegal", caseId, "fpfReview", "Accept", new { fpfCaseNumber = "2026-1001-000123" });
        Assert.Equal("Awaiting tender", await _desk.StatusAsync(caseId));
        await _desk.OnlyNoticeAsync(caseId, "prior-disclosure-loss-computed");

        service.Clock.Advance(TimeSpan.FromDays(32));
        await service.FireDueTimersAsync();

        Assert.Equal("Tender overdue", await _desk.StatusAsync(caseId));
        var followUp = await _desk.OpenTaskAsync(caseId, "nonTender");
        Assert.Equal(1, followUp["escalationLevel"]!.GetValue<int>());
        Assert.Contains("phc.director", followUp["escalatedTo"]!.ToJsonString());
        var escalation = await _desk.NoticesAsync(caseId, "task-escalated-director");
        Assert.Contains(escalation, n => n["to"]!.ToJsonString().Contains("phc.director@"));
    }

    [Fact]
    public async Task An_entry_summary_request_for_information_resumes_on_the_filers_answer_and_is_accepted()
    {
        var caseId = (await _desk.FileAsync("/api/v1/entry-summaries", new
        {
            entryNumber = "ABC-1234567-6", entryDate = _desk.Today.AddDays(-5).ToString("yyyy-MM-dd"), entryType = "01", portCode = "2704",
            importerNumber = "12-3456789AA", lines = new[] { new { htsNumber = "8542.31.0000", value = 920000 } },
        }))["caseId"]!.GetValue<string>();

        await _desk.ClaimAndCompleteAsync("ele.es1", caseId, "review", "RequestInformation", new { questions = "Send the commercial invoice for line 1." });
        Assert.Equal("Awaiting filer response (CBP Form 28)", await _desk.StatusAsync(caseId));
        await _desk.OnlyNoticeAsync(caseId, "request-for-information");

        var integration = await service.ClientAsync("integration");
        await integration.PostAsJsonAsync($"/api/v1/cases/{caseId}/filer-responses", new { text = "Invoice 4471 attached.", from = "broker@bayside.example" })
            .ExpectAsync(HttpStatusCode.OK);
        var review = await _desk.OpenTaskAsync(caseId, "review");
        Assert.Equal("ele.es1", review["assignee"]!.GetValue<string>());
        await _desk.ClaimAndCompleteAsync("ele.es1", caseId, "review", "Accept", new { notes = "Invoice matches." });

        Assert.Equal("Accepted", await _desk.StatusAsync(caseId));
        Assert.Single((await _desk.CaseAsync(caseId))["filerResponses"]!.AsArray());
        await integration.PostAsJsonAsync($"/api/v1/cases/{caseId}/filer-responses", new { text = "late" }).ExpectAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_trade_inquiry_is_answered_by_email_from_the_task_form()
    {
        var caseId = (await _desk.FileAsync("/api/v1/inquiries", new
        {
            contactName = "Dana Chen", contactEmail = "dana.chen@example.com", centerCode = "ELE",
            subject = "Marking of processors", question = "Must each processor in a tray be marked?",
        }))["caseId"]!.GetValue<string>();

        await _desk.ClaimAndCompleteAsync("ele.its", caseId, "answerInquiry", "Answer", new { answer = "Yes: mark each article or its container (19 CFR 134.11)." });

        Assert.Equal("Answered", await _desk.StatusAsync(caseId));
        var notice = await _desk.OnlyNoticeAsync(caseId, "inquiry-answer");
        Assert.Contains("dana.chen@example.com", notice["to"]!.ToJsonString());
    }
}

public sealed class CenterProcessScenarios_Sqlite(SqliteService service) : CenterProcessScenarios(service), IClassFixture<SqliteService>;

public sealed class CenterProcessScenarios_PostgreSql(PostgreSqlService service) : CenterProcessScenarios(service), IClassFixture<PostgreSqlService>;
