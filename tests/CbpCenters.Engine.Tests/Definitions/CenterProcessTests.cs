using System.Globalization;
using System.Text.Json.Nodes;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tasks;
using static CbpCenters.Engine.Tests.Definitions.CenterProcessScenario;

namespace CbpCenters.Engine.Tests.Definitions;

/// <summary>
/// The Center processes of <c>workflows/</c> walked along their main paths, in memory, at the New York Center
/// (PHC). The clock starts on Monday March 2, 2026, 9:00 AM; daylight saving time begins on Sunday March 8.
/// </summary>
public sealed partial class CenterProcessTests : IAsyncLifetime
{
    private readonly CenterProcessScenario _center = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => _center.DisposeAsync();

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>A number as the case store keeps it (expressions give whole numbers as longs, others as doubles).</summary>
    private static decimal Number(JsonNode? value) => decimal.Parse(value!.ToJsonString(), CultureInfo.InvariantCulture);

    private const string DenialReasons = "The product is not a penicillin in bulk form: it is put up in measured doses, so NY N312345 does not apply.";

    [Fact]
    public async Task An_accelerated_protest_not_decided_in_30_days_is_deemed_denied_its_review_cancelled_and_the_filer_told()
    {
        var (caseId, instanceId) = await _center.StartAsync("protest-review", CenterCases.Protest(accelerated: true));

        var received = Assert.Single(_center.Notices("protest-received"));
        Assert.Equal([CenterCases.FilerEmail], received.To);
        Assert.Contains("deemed denied on\nthat date", received.TextBody);
        var review = await _center.OpenTaskAsync(instanceId, "review");
        Assert.Equal("phc.is1", review.Assignee);
        Assert.Equal("Review protest 1001-26-100045 (accelerated: deemed denied after 2026-04-01)", review.Title);

        // The 30th day after the request is April 1; the protest is not yet denied at its last minute in New York.
        await _center.AdvanceToAsync(Utc(4, 2, 3, 59));
        review = await _center.OpenTaskAsync(instanceId, "review");
        Assert.Equal((1, "Under review"), (review.EscalationLevel, _center.Case(caseId)["status"]!.GetValue<string>()));
        Assert.Empty(_center.Notices("protest-deemed-denied"));

        await _center.AdvanceToAsync(Utc(4, 2, 4, 0));

        Assert.Equal(HumanTaskStatus.Cancelled, Assert.Single(await _center.TasksAsync(instanceId)).Status);
        var @case = _center.Case(caseId);
        Assert.Equal(("Deemed denied", "2026-04-01", "2026-09-28"),
            (@case["status"]!.GetValue<string>(), @case["deemedDeniedOn"]!.GetValue<string>(), @case["courtDeadline"]!.GetValue<string>()));
        var notice = Assert.Single(_center.Notices("protest-deemed-denied"));
        Assert.Equal([CenterCases.FilerEmail], notice.To);
        Assert.Contains("was deemed denied on April 1, 2026", notice.TextBody);
        Assert.Contains("on or before September 28, 2026", notice.TextBody);
        Assert.Equal(WorkflowStatus.Finished, (await _center.InstanceAsync(instanceId)).Status);
        Assert.Empty(await _center.Engine.BookmarksAsync(instanceId));
    }

    [Fact]
    public async Task A_denial_approved_by_a_second_person_gives_the_filer_the_reasons_and_the_180_day_court_deadline()
    {
        var (caseId, instanceId) = await _center.StartAsync("protest-review", CenterCases.Protest());
        var review = await _center.OpenTaskAsync(instanceId, "review");
        Assert.Equal("phc.is1", review.Assignee);

        await _center.CompleteAsync(review, "phc.is1", "Deny", new JsonObject { ["reasons"] = DenialReasons });

        var approval = await _center.OpenTaskAsync(instanceId, "approval");
        Assert.Equal((null, HumanTaskStatus.Unassigned), (approval.Assignee, approval.Status));
        Assert.Equal(["phc.is1"], approval.ExcludedUsers);
        Assert.Empty(_center.Notices("protest-decision"));
        await Assert.ThrowsAsync<TaskForbiddenException>(() => _center.CompleteAsync(approval, "phc.is1", "Approve"));

        // Approved at 9:30 PM in New York on March 9, already March 10 in UTC: the decision is dated March 9.
        await _center.AdvanceToAsync(Utc(3, 10, 1, 30));
        await _center.CompleteAsync(approval, "phc.supervisor", "Approve");

        var @case = _center.Case(caseId);
        Assert.Equal(("Denied", "2026-03-09", "2026-09-05", "phc.supervisor"),
            (@case["status"]!.GetValue<string>(), @case["decisionDate"]!.GetValue<string>(),
             @case["courtDeadline"]!.GetValue<string>(), @case["approvedBy"]!.GetValue<string>()));
        var decision = Assert.Single(_center.Notices("protest-decision"));
        Assert.Equal([CenterCases.FilerEmail], decision.To);
        Assert.Contains("Decision: DENIED. The protest is denied for the following reasons:\n\n" + DenialReasons, decision.TextBody);
        Assert.Contains("on or before September 5, 2026 (19 CFR 174.31", decision.TextBody);
        Assert.Equal(WorkflowStatus.Finished, (await _center.InstanceAsync(instanceId)).Status);
    }

    [Fact]
    public async Task A_denial_returned_by_the_approver_goes_back_to_its_reviewer_with_the_comments()
    {
        var (_, instanceId) = await _center.StartAsync("protest-review", CenterCases.Protest());
        await _center.CompleteAsync(await _center.OpenTaskAsync(instanceId, "review"), "phc.is1", "Deny", new JsonObject { ["reasons"] = "Not supported." });
        await _center.CompleteAsync(await _center.OpenTaskAsync(instanceId, "approval"), "phc.supervisor", "Return",
            new JsonObject { ["comments"] = "Cite the ruling and the rule of interpretation you rely on." });

        var rework = await _center.OpenTaskAsync(instanceId, "review");
        Assert.Equal("phc.is1", rework.Assignee);
        Assert.Contains("Returned by phc.supervisor: Cite the ruling and the rule of interpretation you rely on.", rework.Description);
        Assert.Empty(_center.Notices("protest-decision"));

        await _center.CompleteAsync(rework, "phc.is1", "Deny", new JsonObject { ["reasons"] = DenialReasons });
        await _center.CompleteAsync(await _center.OpenTaskAsync(instanceId, "approval"), "phc.supervisor", "Approve");

        Assert.Contains(DenialReasons, Assert.Single(_center.Notices("protest-decision")).TextBody);
        Assert.Equal(WorkflowStatus.Finished, (await _center.InstanceAsync(instanceId)).Status);
    }

    [Fact]
    public async Task An_allowed_protest_goes_to_an_Entry_Specialist_for_reliquidation_and_then_closes()
    {
        var (caseId, instanceId) = await _center.StartAsync("protest-review", CenterCases.Protest());

        await _center.CompleteAsync(await _center.OpenTaskAsync(instanceId, "review"), "phc.is1", "Allow");

        Assert.Equal("Allowed", _center.Case(caseId)["status"]!.GetValue<string>());
        var decision = Assert.Single(_center.Notices("protest-decision"));
        Assert.Contains("Decision: ALLOWED.", decision.TextBody);
        Assert.DoesNotContain("Court of International Trade", decision.TextBody);
        var reliquidation = await _center.OpenTaskAsync(instanceId, "reliquidate");
        Assert.Equal(("phc.es1", "Reliquidate the entries of protest 1001-26-100045"), (reliquidation.Assignee, reliquidation.Title));
        Assert.DoesNotContain(await _center.TasksAsync(instanceId), t => t.ActivityId == "approval");

        await _center.CompleteAsync(reliquidation, "phc.es1", "Reliquidated",
            new JsonObject { ["reliquidatedOn"] = "2026-03-13", ["refundAmount"] = 41_250.00m });

        var @case = _center.Case(caseId);
        Assert.Equal(("Closed", 41_250m), (@case["status"]!.GetValue<string>(), Number(@case["refundAmount"])));
        Assert.Equal(WorkflowStatus.Finished, (await _center.InstanceAsync(instanceId)).Status);
    }

    [Fact]
    public async Task An_untimely_protest_reaches_a_reviewer_as_a_recommended_denial_that_a_person_still_decides()
    {
        var (_, instanceId) = await _center.StartAsync("protest-review", CenterCases.Protest(timely: false));

        var review = await _center.OpenTaskAsync(instanceId, "review");
        Assert.Equal("Review protest 1001-26-100045 (untimely: recommended denial)", review.Title);
        Assert.Contains("UNTIMELY: Filed after the 180-day window (19 CFR 174.12(e)) for: 999-9999999-0", review.Description);
        Assert.Contains("a person still decides", review.Description);
        Assert.Equal(["Allow", "Deny", "AllowInPart"], review.Outcomes.Select(o => o.Name));
    }

    [Fact]
    public async Task A_proposed_denial_with_further_review_goes_to_an_Attorney_Advisor_before_the_four_eyes_approval()
    {
        var (_, instanceId) = await _center.StartAsync("protest-review", CenterCases.Protest(furtherReview: true));
        await _center.CompleteAsync(await _center.OpenTaskAsync(instanceId, "review"), "phc.is1", "Deny", new JsonObject { ["reasons"] = DenialReasons });

        var further = await _center.OpenTaskAsync(instanceId, "attorneyReview");
        Assert.Equal("phc.attorney", further.Assignee);
        Assert.Contains("proposes: Deny", further.Description);
        await _center.CompleteAsync(further, "phc.attorney", "Concur");

        var approval = await _center.OpenTaskAsync(instanceId, "approval");
        Assert.Equal("Approve the denial of protest 1001-26-100045", approval.Title);
        Assert.Contains("further review by phc.attorney: Concur", approval.Description);
        Assert.Equal(["phc.is1"], approval.ExcludedUsers);
    }

    [Fact]
    public async Task An_ineligible_PSC_is_rejected_at_once_with_its_reason()
    {
        var (caseId, instanceId) = await _center.StartAsync("psc-review", CenterCases.Psc(scheduledLiquidation: CenterCases.Today.AddDays(10)));

        Assert.Equal("Rejected", _center.Case(caseId)["status"]!.GetValue<string>());
        var notice = Assert.Single(_center.Notices("psc-rejected"));
        Assert.Equal([CenterCases.FilerEmail], notice.To);
        Assert.Contains("A PSC must be filed at least 15 days before the scheduled liquidation on March 12, 2026, so by February 25, 2026; "
            + "this one was filed on March 2, 2026, 10 days before it.", notice.TextBody);
        Assert.Empty(await _center.TasksAsync(instanceId));
        Assert.Equal(WorkflowStatus.Finished, (await _center.InstanceAsync(instanceId)).Status);
    }

    [Fact]
    public async Task A_PSC_request_for_information_answered_by_the_filer_returns_to_the_same_specialist_who_accepts_it()
    {
        var (caseId, instanceId) = await _center.StartAsync("psc-review", CenterCases.Psc());
        var review = await _center.OpenTaskAsync(instanceId, "review");

        await _center.CompleteAsync(review, "phc.is1", "RequestInformation",
            new JsonObject { ["questions"] = "Send the commercial invoice and the proof of payment for line 2." });

        var request = Assert.Single(_center.Notices("request-for-information"));
        Assert.Contains("Send the commercial invoice and the proof of payment for line 2.", request.TextBody);
        Assert.Contains("on or before April 1, 2026", request.TextBody);
        Assert.Equal("Awaiting filer response (CBP Form 28)", _center.Case(caseId)["status"]!.GetValue<string>());
        Assert.DoesNotContain(await _center.TasksAsync(instanceId), t => t.IsOpen && t.ActivityId == "review");

        await _center.SignalAsync(instanceId, "filer-response", "Invoice 4471 and the wire confirmation are attached.");

        var again = await _center.OpenTaskAsync(instanceId, "review");
        Assert.Equal("phc.is1", again.Assignee);
        Assert.Contains("The filer answered: Invoice 4471 and the wire confirmation are attached.", again.Description);
        Assert.Equal("Under review", _center.Case(caseId)["status"]!.GetValue<string>());

        await _center.CompleteAsync(again, "phc.is1", "Accept");

        Assert.Equal("Accepted", _center.Case(caseId)["status"]!.GetValue<string>());
        Assert.Single(_center.Notices("psc-accepted"));
        Assert.Equal(WorkflowStatus.Finished, (await _center.InstanceAsync(instanceId)).Status);
        Assert.Empty(await _center.Engine.BookmarksAsync(instanceId));
    }

    [Fact]
    public async Task A_PSC_still_under_review_15_days_before_liquidation_has_its_liquidation_extended_and_the_filer_told()
    {
        var (caseId, instanceId) = await _center.StartAsync("psc-review", CenterCases.Psc(scheduledLiquidation: CenterCases.Today.AddDays(40)));

        // Liquidation on April 11: the question comes on March 27, at midnight in New York.
        await _center.AdvanceToAsync(Utc(3, 27, 3, 59));
        Assert.DoesNotContain(await _center.TasksAsync(instanceId), t => t.ActivityId == "extendLiquidation");
        await _center.AdvanceToAsync(Utc(3, 27, 4, 0));
        var extension = await _center.OpenTaskAsync(instanceId, "extendLiquidation");
        Assert.Equal("phc.es1", extension.Assignee);

        await _center.CompleteAsync(extension, "phc.es1", "Extend", new JsonObject { ["reason"] = "The value evidence requested on line 2 is still outstanding." });

        var @case = _center.Case(caseId);
        Assert.Equal(("2027-04-11", 1m), (@case["liquidationDate"]!.GetValue<string>(), Number(@case["extensionCount"])));
        var notice = Assert.Single(_center.Notices("psc-liquidation-extended"));
        Assert.Equal("Liquidation of entry ABC-1234567-6 extended to April 11, 2027", notice.Subject);
        Assert.Contains("which was scheduled for April 11, 2026,\nto April 11, 2027.", notice.TextBody);
        Assert.Contains("This is extension 1 of at most three.", notice.TextBody);

        await _center.CompleteAsync(await _center.OpenTaskAsync(instanceId, "review"), "phc.is1", "Accept");

        Assert.Equal(WorkflowStatus.Finished, (await _center.InstanceAsync(instanceId)).Status);
        Assert.Empty(await _center.Engine.BookmarksAsync(instanceId));
    }

    [Fact]
    public async Task A_PSC_whose_liquidation_is_not_extended_ends_when_the_entry_liquidates_and_its_review_is_cancelled()
    {
        var (caseId, instanceId) = await _center.StartAsync("psc-review", CenterCases.Psc(scheduledLiquidation: CenterCases.Today.AddDays(40)));
        await _center.AdvanceToAsync(Utc(3, 27, 4));
        await _center.CompleteAsync(await _center.OpenTaskAsync(instanceId, "extendLiquidation"), "phc.es1", "DoNotExtend");

        await _center.AdvanceToAsync(Utc(4, 11, 3, 59));
        Assert.Equal("Under review", _center.Case(caseId)["status"]!.GetValue<string>());
        await _center.AdvanceToAsync(Utc(4, 11, 4));

        Assert.Equal("Liquidated during review", _center.Case(caseId)["status"]!.GetValue<string>());
        Assert.Equal(HumanTaskStatus.Cancelled, Assert.Single(await _center.TasksAsync(instanceId), t => t.ActivityId == "review").Status);
        Assert.Equal(WorkflowStatus.Finished, (await _center.InstanceAsync(instanceId)).Status);
        Assert.Empty(_center.Notices("psc-liquidation-extended"));
    }
}
