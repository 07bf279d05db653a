using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CbpCenters.Engine.Notices;
using static CbpCenters.Engine.Tests.Notices.NoticeSamples;

namespace CbpCenters.Engine.Tests.Notices;

public sealed partial class TemplateNoticeComposerTests
{
    private static OutboxMessage Compose(string template, JsonObject? @case = null, JsonObject? variables = null,
        JsonObject? task = null, NoticeRecipients? recipients = null) =>
        Composer().Compose(template, recipients ?? Filer, Model(@case, variables, task));

    private static JsonObject Decision(string decision, string? reasons = null) =>
        new() { ["decision"] = decision, ["reasons"] = reasons };

    private const string Reasons = "The merchandise is properly classified in subheading 8471.50.0150, HTSUS.\nNo evidence of the claimed use was submitted.";

    [Fact]
    public void A_denial_states_the_reasons_and_the_court_deadline_of_the_case()
    {
        var notice = Compose("protest-decision", Protest(), Decision("Denied", Reasons));

        Assert.Equal("Decision on protest 2704-24-100123", notice.Subject);
        foreach (var body in new[] { notice.TextBody, notice.HtmlBody! })
        {
            Assert.Contains("DENIED", body);
            Assert.Contains("subheading 8471.50.0150, HTSUS.", body);
            Assert.Contains("No evidence of the claimed use was submitted.", body);
            Assert.Contains("Court of International Trade within 180 days", body);
            Assert.Contains("October 6, 2026", body);
        }
        Assert.Contains("Dear Harbor Customs Brokerage LLC:", notice.TextBody);
    }

    [Fact]
    public void Without_a_court_deadline_on_the_case_the_date_is_180_days_after_the_notice()
    {
        var @case = Protest();
        @case.Remove("courtDeadline");

        var notice = Compose("protest-decision", @case, Decision("Deny", Reasons));

        Assert.Contains("on or before August 29, 2026", notice.TextBody);
    }

    [Fact]
    public void A_protest_allowed_in_part_states_the_reasons_and_the_right_to_contest()
    {
        var notice = Compose("protest-decision", Protest(), Decision("AllowInPart", Reasons));

        Assert.Contains("ALLOWED IN PART", notice.TextBody);
        Assert.Contains("No evidence of the claimed use", notice.TextBody);
        Assert.Contains("October 6, 2026", notice.TextBody);
    }

    [Fact]
    public void An_allowed_protest_promises_reliquidation_and_says_nothing_of_the_court()
    {
        var notice = Compose("protest-decision", Protest(), Decision("Allowed"));

        Assert.Contains("ALLOWED", notice.TextBody);
        Assert.Contains("reliquidated", notice.TextBody);
        Assert.DoesNotContain("Court of International Trade", notice.TextBody);
        Assert.DoesNotContain("Court of International Trade", notice.HtmlBody);
    }

    [Fact]
    public void A_denial_without_reasons_is_refused()
    {
        var error = Assert.Throws<NoticeException>(() => Compose("protest-decision", Protest(), Decision("Denied")));
        Assert.Contains("protest-decision", error.Message);
        Assert.Contains("174.30", error.Message);
    }

    [Fact]
    public void A_decision_that_is_not_allowed_denied_or_in_part_is_refused()
    {
        var error = Assert.Throws<NoticeException>(() => Compose("protest-decision", Protest(), Decision("Maybe", Reasons)));
        Assert.Contains("'maybe' is not one of", error.Message);
    }

    [Fact]
    public void A_missing_required_case_field_is_named()
    {
        var @case = Protest();
        @case.Remove("decisionLimit");

        var error = Assert.Throws<NoticeException>(() => Compose("protest-received", @case));

        Assert.Contains("case.decisionLimit", error.Message);
    }

    [Fact]
    public void A_date_field_that_is_not_a_date_is_refused_rather_than_printed()
    {
        var @case = Protest();
        @case["decisionLimit"] = "two years from now";

        var error = Assert.Throws<NoticeException>(() => Compose("protest-received", @case));

        Assert.Contains("long_date: 'two years from now' is not a date", error.Message);
    }

    [Theory]
    [InlineData("protest-received", "protest", "by March 2, 2028")]
    [InlineData("protest-deemed-denied", "protest", "deemed denied on April 9, 2026")]
    [InlineData("psc-accepted", "psc", "liquidation is scheduled for April 24, 2026")]
    [InlineData("psc-rejected", "psc", "Invoice does not support the corrected value.")]
    [InlineData("request-for-information", "entry-summary", "within 30 days, on or before April 1, 2026")]
    [InlineData("notice-of-action", "entry-summary", "within 20 days, on or before March 22, 2026")]
    [InlineData("liquidation-extension", "entry-summary", "will now be liquidated by April 23, 2027")]
    [InlineData("prior-disclosure-received", "prior-disclosure", "on February 27, 2026 under 19 U.S.C. 1592(c)(4)")]
    [InlineData("prior-disclosure-written-confirmation", "prior-disclosure", "on or before March 9, 2026")]
    [InlineData("prior-disclosure-loss-computed", "prior-disclosure", "as $12,345.67")]
    [InlineData("inquiry-answer", "inquiry", "Docking stations with a power supply are classified")]
    public void Each_filer_notice_renders_its_deadline_or_content_in_text_and_html(string template, string kind, string expected)
    {
        var variables = new JsonObject
        {
            ["reasons"] = "Invoice does not support the corrected value.",
            ["questions"] = "Provide the commercial invoice and proof of payment.",
            ["proposedAction"] = "Reclassify the goods under 8504.40.95 at 1.5%.",
            ["answer"] = "Docking stations with a power supply are classified in heading 8471.",
        };

        var notice = Compose(template, CaseSamples()[kind], variables);

        Assert.Contains(expected, Flatten(notice.TextBody));
        Assert.Contains(expected, Flatten(Tags().Replace(notice.HtmlBody!, "")));
        Assert.Contains("Electronics Center of Excellence and Expertise", notice.TextBody);
        Assert.DoesNotContain("{{", notice.TextBody + notice.HtmlBody + notice.Subject);
        Assert.StartsWith("<!DOCTYPE html>", notice.HtmlBody);
        Assert.Equal(template, notice.Template);
    }

    [Theory]
    [InlineData("task-assigned", "Task assigned: Review protest 2704-24-100123")]
    [InlineData("task-reminder", "Reminder: Review protest 2704-24-100123 is due March 30, 2026")]
    [InlineData("task-escalated-director", "Escalated to you: Review protest 2704-24-100123 is overdue")]
    [InlineData("task-escalated-dfo", "Escalated to the DFO: Review protest 2704-24-100123 is overdue")]
    public void Task_notices_show_the_due_time_in_the_Centers_time_zone(string template, string subject)
    {
        var notice = Compose(template, task: Task(), recipients: new(["maria.lopez@cbp.example"]));

        Assert.Equal(subject, notice.Subject);
        Assert.Contains("March 30, 2026, 11:30 PM Eastern Daylight Time", notice.TextBody);
        Assert.Contains("March 30, 2026, 11:30 PM Eastern Daylight Time", notice.HtmlBody);
        Assert.Contains("2704-24-100123 (Pacific Coast Electronics Inc.)", notice.TextBody);
    }

    [Fact]
    public void Values_are_HTML_encoded_in_the_HTML_body_and_left_alone_in_the_text()
    {
        var @case = Protest();
        @case["importerName"] = "Smith & Sons <b>Imports</b>";
        @case["filerName"] = null;

        var notice = Compose("protest-received", @case);

        Assert.Contains("Dear Smith &amp; Sons &lt;b&gt;Imports&lt;/b&gt;:", notice.HtmlBody);
        Assert.DoesNotContain("<b>Imports", notice.HtmlBody);
        Assert.Contains("Dear Smith & Sons <b>Imports</b>:", notice.TextBody);
    }

    [Fact]
    public void Multi_line_values_keep_their_breaks_in_HTML_without_letting_markup_through()
    {
        var notice = Compose("protest-decision", Protest(), Decision("Denied", "First reason.\n<script>alert(1)</script>"));

        Assert.Contains("First reason.<br>", notice.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", notice.HtmlBody);
        Assert.DoesNotContain("<script>", notice.HtmlBody);
        Assert.Contains("First reason.\n<script>alert(1)</script>", notice.TextBody);
    }

    [Theory]
    [InlineData("to")]
    [InlineData("cc")]
    [InlineData("bcc")]
    [InlineData("replyTo")]
    public void An_invalid_address_anywhere_is_refused_and_named(string field)
    {
        const string bad = "filer@@example";
        NoticeRecipients recipients = field switch
        {
            "to" => new([bad]),
            "cc" => new(["a@example.gov"], Cc: [bad]),
            "bcc" => new(["a@example.gov"], Bcc: [bad]),
            _ => new(["a@example.gov"], ReplyTo: bad),
        };

        var error = Assert.Throws<NoticeException>(() => Compose("protest-received", Protest(), recipients: recipients));

        Assert.Contains($"'{bad}' is not a valid email address", error.Message);
    }

    [Fact]
    public void An_address_with_a_line_break_is_refused()
    {
        var error = Assert.Throws<NoticeException>(() =>
            Compose("protest-received", Protest(), recipients: new(["a@example.gov\r\nBcc: all@example.gov"])));
        Assert.Contains("is not a valid email address", error.Message);
    }

    [Fact]
    public void An_unknown_template_is_named()
    {
        var error = Assert.Throws<NoticeException>(() => Compose("protest-decison", Protest()));
        Assert.Contains("'protest-decison'", error.Message);
    }

    [Fact]
    public void A_notice_without_recipients_is_refused()
    {
        var error = Assert.Throws<NoticeException>(() => Compose("protest-received", Protest(), recipients: new([])));
        Assert.Contains("no recipient", error.Message);
    }

    [Fact]
    public void A_person_already_in_To_is_not_copied_again()
    {
        var notice = Compose("protest-received", Protest(), recipients: new(
            ["Filer <filer@example.com>"], Cc: ["FILER@example.com", "nam@cbp.example"], Bcc: ["nam@cbp.example", "audit@cbp.example"]));

        Assert.Equal(["Filer <filer@example.com>"], notice.To);
        Assert.Equal(["nam@cbp.example"], notice.Cc);
        Assert.Equal(["audit@cbp.example"], notice.Bcc);
    }

    private static string Flatten(string body) => string.Join(' ', body.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
