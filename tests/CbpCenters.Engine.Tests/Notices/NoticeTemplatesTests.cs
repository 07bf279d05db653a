using CbpCenters.Engine.Notices;

namespace CbpCenters.Engine.Tests.Notices;

public sealed class NoticeTemplatesTests
{
    private static readonly string[] Expected =
    [
        "task-assigned", "task-reminder", "task-escalated-director", "task-escalated-dfo",
        "protest-received", "protest-decision", "protest-deemed-denied", "psc-accepted", "psc-rejected",
        "request-for-information", "notice-of-action", "prior-disclosure-received", "prior-disclosure-loss-computed",
        "prior-disclosure-written-confirmation", "liquidation-extension", "psc-liquidation-extended", "inquiry-answer",
    ];

    private static NoticeTemplates From(string fileName, string content) =>
        NoticeTemplates.FromFiles([(fileName, content)], "test");

    [Fact]
    public void Every_notice_of_the_workflows_folder_loads_with_a_subject_a_text_and_an_HTML_body()
    {
        var templates = NoticeSamples.Templates;

        Assert.Equal(Expected.Order(), templates.Names.Order());
        Assert.All(Expected, name => Assert.NotNull(templates.Get(name).Html));
    }

    [Fact]
    public void The_format_reads_header_lines_and_sections()
    {
        var template = From("psc-hold.liquid", """
            # a comment
            description: Hold notice
            subject: PSC {{ case.entryNumber }}
            requires: case.entryNumber, case.centerName
            --- text ---

            Text body.

            --- html ---
            <p>HTML body.</p>
            """).Get("psc-hold");

        Assert.Equal("Hold notice", template.Description);
        Assert.Equal(["case.entryNumber", "case.centerName"], template.Requires);
        Assert.NotNull(template.Html);
    }

    [Fact]
    public void A_section_that_does_not_parse_is_reported_with_the_file_and_line()
    {
        var error = Assert.Throws<NoticeException>(() => From("protest-decision.liquid",
            "subject: Decision\n--- text ---\nDear {{ case.filerName }}\n--- html ---\n<p>{% if case.x %}unclosed</p>\n"));

        Assert.Contains("protest-decision.liquid, line 5", error.Message);
        Assert.Contains("html section", error.Message);
    }

    [Fact]
    public void Every_bad_file_is_named_in_one_error()
    {
        var error = Assert.Throws<NoticeException>(() => NoticeTemplates.FromFiles(
        [
            ("no-subject.liquid", "--- text ---\nbody"),
            ("no-text.liquid", "subject: S\n--- html ---\n<p>x</p>"),
            ("Bad_Name.liquid", "subject: S\n--- text ---\nbody"),
            ("typo.liquid", "subject: S\n--- text ---\nDue {{ now | long_dat }}"),
            ("odd-header.liquid", "subjcet: S\n--- text ---\nbody"),
            ("good.liquid", "subject: S\n--- text ---\nbody"),
        ], "test"));

        Assert.Contains("no-subject.liquid: the 'subject:' header line is missing", error.Message);
        Assert.Contains("no-text.liquid: the '--- text ---' section is missing", error.Message);
        Assert.Contains("Bad_Name.liquid: a template name is lower-case", error.Message);
        Assert.Contains("typo.liquid: unknown Liquid filter 'long_dat'", error.Message);
        Assert.Contains("odd-header.liquid, line 1", error.Message);
        Assert.DoesNotContain("good.liquid", error.Message);
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        var error = Assert.Throws<NoticeException>(() => NoticeTemplates.Load("/no/such/templates"));
        Assert.Contains("/no/such/templates", error.Message);
    }
}
