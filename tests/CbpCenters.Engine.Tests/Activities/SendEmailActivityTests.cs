using System.Text.Json.Nodes;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tests.Notices;
using Microsoft.Extensions.DependencyInjection;
using static CbpCenters.Engine.Tests.EngineHarness;

namespace CbpCenters.Engine.Tests.Activities;

public sealed class SendEmailActivityTests : IAsyncLifetime
{
    private readonly TestRecipientResolver _recipients = new();
    private readonly EngineHarness _engine;
    private readonly Guid _caseId = Guid.NewGuid();

    public SendEmailActivityTests()
    {
        _engine = new(services =>
        {
            services.AddSingleton<IRecipientResolver>(_recipients);
            services.AddNotices(NoticeSamples.TemplatesFolder);
        });
        _engine.Cases.Data[_caseId] = NoticeSamples.Protest();
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => _engine.DisposeAsync();

    private static string Notify(string properties, string variables = "[]") => Flow("notify",
        $$"""
        { "id": "start", "type": "Start" },
        { "id": "notify", "type": "SendEmail", {{properties}} },
        { "id": "end", "type": "End" }
        """,
        $"{Wire("start", "Done", "notify")}, {Wire("notify", "Done", "end")}", variables);

    private async Task<WorkflowInstance> RunAsync(string properties, string variables = "[]")
    {
        await _engine.ImportAsync(Notify(properties, variables));
        return await _engine.StartAsync("notify", caseId: _caseId);
    }

    private IReadOnlyList<DefinitionError> Validate(string properties) =>
        _engine.Services.GetRequiredService<DefinitionValidator>().Validate(DefinitionJson.Parse(Notify(properties)));

    [Fact]
    public async Task Start_SendEmail_End_queues_one_rendered_notice_to_the_resolved_roles()
    {
        var instance = await RunAsync("""
            "template": "protest-received", "to": ["filer", "ops@electronics.cbp.example"], "cc": ["nam"], "replyTo": "nam"
            """);

        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        var message = Assert.Single(_engine.Store.Outbox);
        Assert.Equal(["broker@harborcustoms.example", "trade@pacificcoast.example", "ops@electronics.cbp.example"], message.To);
        Assert.Equal(["nam.electronics@cbp.example"], message.Cc);
        Assert.Equal("nam.electronics@cbp.example", message.ReplyTo);
        Assert.Equal("Protest 2704-24-100123 received", message.Subject);
        Assert.Contains("within two years of the\ndate it was filed, that is, by March 2, 2028.", message.TextBody);
        Assert.Contains("<strong>March 2, 2028</strong>", message.HtmlBody);
        Assert.Equal((instance.Id, _caseId, "notify", "protest-received"), (message.InstanceId!.Value, message.CaseId!.Value, message.ActivityId, message.Template));
        Assert.Equal([RecipientRoles.Filer, RecipientRoles.NationalAccountManager, RecipientRoles.NationalAccountManager], _recipients.Asked);

        var journal = await _engine.Store.GetJournalAsync(instance.Id, default);
        var queued = Assert.Single(journal, j => j.Event == JournalEvents.EmailQueued);
        Assert.Equal(message.Id.ToString(), queued.Data!["outboxId"]!.GetValue<string>());
        Assert.Equal(message.Id.ToString(), instance.State.Outputs["notify"]["outboxId"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_invalid_address_faults_the_instance_with_an_incident_naming_it_and_queues_nothing()
    {
        _recipients.Roles[RecipientRoles.Filer] = ["broker@harborcustoms.example", "trade@@pacificcoast"];

        var instance = await RunAsync(""" "template": "protest-received", "to": ["filer"] """);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        var incident = Assert.Single(instance.State.Incidents);
        Assert.Equal(("notify", "SendEmail"), (incident.ActivityId, incident.ActivityType));
        Assert.Contains("'trade@@pacificcoast' is not a valid email address", incident.Message);
        Assert.Empty(_engine.Store.Outbox);
        Assert.DoesNotContain("end", await _engine.CompletedActivitiesAsync(instance.Id));
    }

    [Fact]
    public async Task A_role_nobody_holds_leaves_the_notice_without_recipient_and_faults()
    {
        var instance = await RunAsync(""" "template": "protest-received", "to": ["DFO"] """);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("Notice 'protest-received' has no recipient: to role 'DFO' resolved to no address.", instance.State.Incidents.Single().Message);
        Assert.Empty(_engine.Store.Outbox);
    }

    [Fact]
    public async Task A_copy_role_nobody_holds_is_journaled_and_the_notice_still_goes()
    {
        var instance = await RunAsync(""" "template": "protest-received", "to": ["filer"], "cc": ["dfo"] """);

        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Empty(Assert.Single(_engine.Store.Outbox).Cc);
        var journal = await _engine.Store.GetJournalAsync(instance.Id, default);
        Assert.Contains(journal, j => j.Event == JournalEvents.Log && j.Message!.Contains("cc role 'DFO' resolved to no address"));
    }

    [Fact]
    public async Task Recipients_may_come_from_an_expression_and_a_Liquid_string()
    {
        var contacts = NoticeSamples.Protest();
        contacts["contacts"] = new JsonArray("imports@pacificcoast.example", "nam");
        contacts["agentEmail"] = "agent@harborcustoms.example";
        _engine.Cases.Data[_caseId] = contacts;

        await RunAsync("""
            "template": "protest-received", "to": { "expression": "case.contacts" }, "bcc": ["{{ case.agentEmail }}"]
            """);

        var message = Assert.Single(_engine.Store.Outbox);
        Assert.Equal(["imports@pacificcoast.example", "nam.electronics@cbp.example"], message.To);
        Assert.Equal(["agent@harborcustoms.example"], message.Bcc);
    }

    [Fact]
    public async Task A_template_error_faults_the_instance_naming_the_reason()
    {
        var instance = await RunAsync(""" "template": "protest-decision", "to": ["filer"] """,
            """[ { "name": "decision", "default": "Denied" }, { "name": "reasons" } ]""");

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        var message = instance.State.Incidents.Single().Message;
        Assert.Contains("protest-decision", message);
        Assert.Contains("a denial states its reasons (19 CFR 174.30)", message);
        Assert.Empty(_engine.Store.Outbox);
    }

    [Fact]
    public void Validation_names_an_unknown_template_and_suggests_the_closest()
    {
        var error = Assert.Single(Validate(""" "template": "protest-decison", "to": ["filer"] """));
        Assert.Equal("notify", error.ActivityId);
        Assert.Equal("notice template 'protest-decison' does not exist; did you mean 'protest-decision'?", error.Message);
        Assert.Equal("notice template 'penalty-notice' does not exist.",
            Assert.Single(Validate(""" "template": "penalty-notice", "to": ["filer"] """)).Message);
    }

    [Fact]
    public void Validation_names_bad_literal_recipients_and_attachments()
    {
        var messages = Validate("""
            "template": "protest-received", "to": ["filer", "broker@@harbor"], "cc": ["Director"], "replyTo": "{{ case.agentEmail }}",
            "attachments": ["decision.pdf"]
            """).Select(e => e.Message).ToList();

        Assert.Equal(3, messages.Count);
        Assert.Contains("property 'to': 'broker@@harbor' is not a valid email address.", messages);
        Assert.Contains(messages, m => m.StartsWith("property 'cc': 'Director' is neither an email address nor a recipient role (filer, assignee, CenterDirector, DFO, nam)"));
        Assert.Contains(messages, m => m.StartsWith("property 'attachments': attachments are not supported yet"));
    }

    [Fact]
    public void A_notice_without_template_or_recipients_does_not_validate()
    {
        var rules = Validate(""" "cc": ["nam"] """).Select(e => e.Message).ToList();
        Assert.Contains("property 'template' is required.", rules);
        Assert.Contains("property 'to' is required.", rules);
    }
}
