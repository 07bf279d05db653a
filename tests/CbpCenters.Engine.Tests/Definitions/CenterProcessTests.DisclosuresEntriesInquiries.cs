using System.Text.Json.Nodes;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tasks;
using static CbpCenters.Engine.Tests.Definitions.CenterProcessScenario;

namespace CbpCenters.Engine.Tests.Definitions;

/// <summary>Prior disclosures, entry summary validation and trade inquiries.</summary>
public sealed partial class CenterProcessTests
{
    private static JsonObject Validation(string findings) =>
        new() { ["conclusion"] = "Complete and accurate", ["findings"] = findings };

    [Fact]
    public async Task A_prior_disclosure_whose_tender_never_comes_is_escalated_to_the_Center_Director()
    {
        var (caseId, instanceId) = await _center.StartAsync("prior-disclosure-validation", CenterCases.PriorDisclosure());

        Assert.Single(_center.Notices("prior-disclosure-received"));
        Assert.Equal("Under validation", _center.Case(caseId)["status"]!.GetValue<string>());
        var specialist = await _center.OpenTaskAsync(instanceId, "isValidation");
        var auditor = await _center.OpenTaskAsync(instanceId, "auditValidation");
        Assert.Equal(("phc.is1", "phc.auditor"), (specialist.Assignee, auditor.Assignee));

        await _center.CompleteAsync(specialist, "phc.is1", "Validated", Validation("Origin confirmed as India from the supplier's certificates."));
        Assert.DoesNotContain(await _center.TasksAsync(instanceId), t => t.ActivityId == "computeLoss");
        await _center.CompleteAsync(auditor, "phc.auditor", "Validated", Validation("Two more entries of the same supplier are affected and were disclosed."));

        var loss = await _center.OpenTaskAsync(instanceId, "computeLoss");
        Assert.Equal("phc.is1", loss.Assignee);
        await _center.CompleteAsync(loss, "phc.is1", "Computed",
            new JsonObject { ["lossOfDuties"] = 18_250.40m, ["computation"] = "6.5% on the transaction value of the two entries, less duties paid." });

        Assert.Equal(("Loss computed", 18_250.40m),
            (_center.Case(caseId)["status"]!.GetValue<string>(), Number(_center.Case(caseId)["lossOfDuties"])));
        var fpf = await _center.OpenTaskAsync(instanceId, "fpfReview");
        Assert.Equal((CandidatePool.Matrix, HumanTaskStatus.Unassigned), (fpf.Pool, fpf.Status));
        Assert.Equal(["Paralegal", "SeizedPropertySpecialist"], fpf.CandidateRoles);

        await _center.AdvanceToAsync(Utc(3, 13, 15));
        await _center.CompleteAsync(fpf, "phc.paralegal", "Accept", new JsonObject { ["fpfCaseNumber"] = "2026-1001-000123" });

        Assert.Equal(("Awaiting tender", "2026-04-12"),
            (_center.Case(caseId)["status"]!.GetValue<string>(), _center.Case(caseId)["tenderDue"]!.GetValue<string>()));
        var demand = Assert.Single(_center.Notices("prior-disclosure-loss-computed"));
        Assert.Contains("$18,250.40", demand.TextBody);
        Assert.Contains("on or before April 12, 2026", demand.TextBody);

        // April 12 is the filer's last day: the wait is still on at its last minute in New York.
        await _center.AdvanceToAsync(Utc(4, 13, 3, 59));
        Assert.Equal("Awaiting tender", _center.Case(caseId)["status"]!.GetValue<string>());

        await _center.AdvanceToAsync(Utc(4, 13, 15));

        Assert.Equal("Tender overdue", _center.Case(caseId)["status"]!.GetValue<string>());
        var followUp = await _center.OpenTaskAsync(instanceId, "nonTender");
        Assert.Equal((CandidatePool.Matrix, 1, Utc(4, 13, 4)), (followUp.Pool, followUp.EscalationLevel, followUp.DueAt));
        Assert.Equal([Director], followUp.EscalatedTo);
        Assert.Contains(Director, followUp.CandidateUsers);
        var escalation = Assert.Single(_center.Notices("task-escalated-director"), n => n.TaskId == followUp.Id);
        Assert.Equal([Email(Director)], escalation.To);
        Assert.Contains("Tender not received: prior disclosure PD-2026-000117", escalation.Subject);
    }

    [Fact]
    public async Task An_oral_prior_disclosure_asks_for_its_written_confirmation_and_validation_starts_when_it_comes()
    {
        var (caseId, instanceId) = await _center.StartAsync("prior-disclosure-validation", CenterCases.PriorDisclosure(oral: true));

        var request = Assert.Single(_center.Notices("prior-disclosure-written-confirmation"));
        Assert.Contains("on or before March 12, 2026", request.TextBody);
        Assert.Equal("Awaiting written confirmation", _center.Case(caseId)["status"]!.GetValue<string>());
        Assert.Empty(await _center.TasksAsync(instanceId));

        await _center.AdvanceToAsync(Utc(3, 13, 3, 59));
        await _center.SignalAsync(instanceId, "written-confirmation", "Signed confirmation of the oral disclosure of March 2.");

        Assert.True(_center.Case(caseId)["writtenConfirmationReceived"]!.GetValue<bool>());
        Assert.Equal("Under validation", _center.Case(caseId)["status"]!.GetValue<string>());
        Assert.Equal(["isValidation", "auditValidation"], (await _center.TasksAsync(instanceId)).Where(t => t.IsOpen).Select(t => t.ActivityId));
    }

    [Fact]
    public async Task An_entry_summary_request_for_information_answered_by_the_filer_goes_back_to_review_and_is_accepted()
    {
        var (caseId, instanceId) = await _center.StartAsync("entry-summary-validation", CenterCases.EntrySummary());
        var review = await _center.OpenTaskAsync(instanceId, "review");
        Assert.Equal(("phc.es1", "Validate entry summary ABC-1234567-6"), (review.Assignee, review.Title));

        await _center.CompleteAsync(review, "phc.es1", "RequestInformation",
            new JsonObject { ["questions"] = "Describe the reference standard on line 2 and how it is used." });

        Assert.Contains("Describe the reference standard on line 2", Assert.Single(_center.Notices("request-for-information")).TextBody);
        Assert.Equal("Awaiting filer response (CBP Form 28)", _center.Case(caseId)["status"]!.GetValue<string>());

        await _center.SignalAsync(instanceId, "filer-response", "It is a USP reference standard used for laboratory assays only.");
        var again = await _center.OpenTaskAsync(instanceId, "review");
        Assert.Equal("phc.es1", again.Assignee);
        Assert.Contains("The filer answered: It is a USP reference standard", again.Description);

        await _center.CompleteAsync(again, "phc.es1", "Accept");

        Assert.Equal("Accepted", _center.Case(caseId)["status"]!.GetValue<string>());
        Assert.Equal(WorkflowStatus.Finished, (await _center.InstanceAsync(instanceId)).Status);
    }

    [Fact]
    public async Task An_unanswered_notice_of_action_lets_CBP_take_the_action_once_the_filer_s_20_days_are_over()
    {
        const string action = "Line 2 will be classified under 3004.90.9290 at 0%, and line 1 appraised at the invoice value.";
        var (caseId, instanceId) = await _center.StartAsync("entry-summary-validation", CenterCases.EntrySummary());

        await _center.CompleteAsync(await _center.OpenTaskAsync(instanceId, "review"), "phc.es1", "ProposeAction", new JsonObject { ["proposedAction"] = action });

        Assert.Contains("within 20 days, on or before March 22, 2026", Assert.Single(_center.Notices("notice-of-action")).TextBody);
        await _center.AdvanceToAsync(Utc(3, 23, 3, 59));
        Assert.Equal("Awaiting filer response (CBP Form 29)", _center.Case(caseId)["status"]!.GetValue<string>());

        await _center.AdvanceToAsync(Utc(3, 23, 13));

        Assert.Equal(("Action taken", action), (_center.Case(caseId)["status"]!.GetValue<string>(), _center.Case(caseId)["actionTaken"]!.GetValue<string>()));
        Assert.Equal(WorkflowStatus.Finished, (await _center.InstanceAsync(instanceId)).Status);
    }

    [Fact]
    public async Task An_inquiry_from_an_account_with_a_NAM_is_answered_by_the_NAM_by_email_from_the_task_form()
    {
        const string answer = "Yes. Each blister card is the article that reaches the ultimate purchaser, so it must be marked (19 CFR 134.11).";
        var (caseId, instanceId) = await _center.StartAsync("trade-inquiry", CenterCases.Inquiry(nationalAccountManager: "phc.nam"));
        var task = await _center.OpenTaskAsync(instanceId, "answerInquiry");
        Assert.Equal(("phc.nam", "Answer inquiry INQ-2026-000031: Marking of blister packs"), (task.Assignee, task.Title));

        await _center.CompleteAsync(task, "phc.nam", "Answer", new JsonObject { ["answer"] = answer });

        var email = Assert.Single(_center.Notices("inquiry-answer"));
        Assert.Equal([CenterCases.FilerEmail], email.To);
        Assert.Equal([Email("phc.nam")], email.Cc);
        Assert.Contains(answer, email.TextBody);
        Assert.Equal(("Answered", "phc.nam"),
            (_center.Case(caseId)["status"]!.GetValue<string>(), _center.Case(caseId)["answeredBy"]!.GetValue<string>()));
        Assert.Equal(WorkflowStatus.Finished, (await _center.InstanceAsync(instanceId)).Status);
    }

    [Fact]
    public async Task An_inquiry_without_a_NAM_goes_to_an_International_Trade_Specialist_and_reaches_the_Director_when_late()
    {
        var (_, instanceId) = await _center.StartAsync("trade-inquiry", CenterCases.Inquiry());
        var task = await _center.OpenTaskAsync(instanceId, "answerInquiry");
        Assert.Equal(("phc.its", Utc(3, 9, 13)), (task.Assignee, task.DueAt));

        await _center.AdvanceToAsync(Utc(3, 9, 13));

        task = await _center.OpenTaskAsync(instanceId, "answerInquiry");
        Assert.Equal((1, "phc.its"), (task.EscalationLevel, task.Assignee));
        Assert.Equal([Email("phc.its")], Assert.Single(_center.Notices("task-reminder")).To);
        var escalation = Assert.Single(_center.Notices("task-escalated-director"));
        Assert.Equal([Email(Director)], escalation.To);
        Assert.Equal([Email("phc.its")], escalation.Cc);
    }
}
