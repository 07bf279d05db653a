using System.Net.Mail;
using System.Text.Json.Nodes;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Notices;

namespace CbpCenters.Engine.Activities;

/// <summary>
/// Composes a notice from a template and stages it in the outbox, written in the same transaction as this step;
/// delivery happens later, with retries. Recipients are addresses or roles (filer, assignee, CenterDirector, DFO,
/// nam) resolved when the step runs. No recipient, a bad address or a template error faults the instance with
/// an incident naming the reason, and nothing is queued.
/// </summary>
public sealed class SendEmailActivity(NoticeTemplates templates, IRecipientResolver recipients) : Activity
{
    public const string TypeName = "SendEmail";
    public const string TemplateProperty = "template";
    public const string Done = "Done";

    private static readonly string Roles = string.Join(", ", RecipientRoles.All);

    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, "Send email", "Notices", "Sends a notice from a template in workflows/templates to addresses or roles.",
        [
            new(TemplateProperty, PropertyKind.Text, "Notice template, e.g. protest-decision", Required: true),
            new("to", PropertyKind.StringList, $"Addresses or roles ({Roles}), or {{\"expression\": \"...\"}} giving them", Required: true),
            new("cc", PropertyKind.StringList, "Copy to: addresses or roles"),
            new("bcc", PropertyKind.StringList, "Blind copy to: addresses or roles"),
            new("replyTo", PropertyKind.Text, "Reply-to: one address or role, e.g. nam"),
        ],
        [Done]);

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var template = context.Node.StringProperty(TemplateProperty)!;
        var empty = new List<string>();
        var to = await ResolveAsync(context, "to", empty);
        if (to.Count == 0)
            throw new NoticeException(empty.Count > 0
                ? $"Notice '{template}' has no recipient: {string.Join(", ", empty)} resolved to no address."
                : $"Notice '{template}' has no recipient.");
        var cc = await ResolveAsync(context, "cc", empty);
        var bcc = await ResolveAsync(context, "bcc", empty);
        var replyTo = (await ResolveAsync(context, "replyTo", empty)).FirstOrDefault();
        foreach (var role in empty.Distinct())
            context.Journal(Runtime.JournalEvents.Log, $"{template}: {role} resolved to no address; not sent to that role.");

        var message = context.QueueNotice(template, new NoticeRecipients(to, cc, bcc, replyTo));
        context.SetOutput(new JsonObject
        {
            ["outboxId"] = message.Id.ToString(),
            ["template"] = template,
            ["to"] = new JsonArray([.. message.To.Select(a => (JsonNode)a)]),
        });
        return ActivityResult.Complete(Done);
    }

    public override IEnumerable<string> Validate(ActivityNode node)
    {
        if (node.StringProperty(TemplateProperty) is { } template && templates.Find(template) is null)
            yield return $"notice template '{template}' does not exist{Suggestion(template)}";
        foreach (var property in new[] { "to", "cc", "bcc", "replyTo" })
            foreach (var literal in Literals(node.Property(property)))
                if (Problem(literal) is { } problem)
                    yield return $"property '{property}': {problem}";
        if (node.Property("attachments") is not null)
            yield return "property 'attachments': attachments are not supported yet; link to the document instead.";
    }

    /// <summary>Addresses for one property, in order; roles that resolved to nobody are added to <paramref name="empty"/>.</summary>
    private async Task<List<string>> ResolveAsync(ActivityContext context, string property, List<string> empty)
    {
        var result = new List<string>();
        foreach (var entry in Entries(context, context.Node.Property(property)))
        {
            if (entry.Contains('@') || RecipientRoles.Canonical(entry) is not { } role)
            {
                result.Add(entry);
                continue;
            }
            var addresses = await recipients.ResolveAsync(role, context, CancellationToken.None);
            if (addresses.Count == 0) empty.Add($"{property} role '{role}'");
            result.AddRange(addresses);
        }
        return result;
    }

    /// <summary>The entries of a recipient property: literals, Liquid strings rendered, expressions evaluated.</summary>
    private static IEnumerable<string> Entries(ActivityContext context, JsonNode? value) => value switch
    {
        null => [],
        JsonArray items => items.SelectMany(item => Entries(context, item)),
        JsonObject o when o["expression"] is JsonValue e && e.TryGetValue<string>(out var code) => Flatten(context.Evaluate(code)),
        JsonValue v when v.TryGetValue<string>(out var s) => s.Contains("{{") ? [context.Render(s)] : [s],
        _ => throw new NoticeException($"'{value.ToJsonString()}' is not an address, a role or an expression."),
    };

    private static IEnumerable<string> Flatten(JsonNode? value) => value switch
    {
        null => [],
        JsonArray items => items.SelectMany(Flatten),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => throw new NoticeException($"A recipient expression gave {value.ToJsonString()}, not addresses."),
    };

    private static IEnumerable<string> Literals(JsonNode? value) => value switch
    {
        JsonArray items => items.SelectMany(Literals),
        JsonValue v when v.TryGetValue<string>(out var s) && !s.Contains("{{") => [s],
        _ => [],
    };

    private static string? Problem(string literal)
    {
        if (literal.Contains('@'))
            return MailAddress.TryCreate(literal.Trim(), out _) ? null : $"'{literal}' is not a valid email address.";
        return RecipientRoles.Canonical(literal) is null
            ? $"'{literal}' is neither an email address nor a recipient role ({Roles})."
            : null;
    }

    private string Suggestion(string template)
    {
        var closest = templates.Names.MinBy(n => Distance(n, template));
        return closest is not null && Distance(closest, template) <= 3 ? $"; did you mean '{closest}'?" : ".";
    }

    /// <summary>Edit distance, to suggest the template a supervisor probably meant.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
