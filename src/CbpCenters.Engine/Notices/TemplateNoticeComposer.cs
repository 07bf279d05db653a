using System.Net.Mail;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using CbpCenters.Engine.Expressions;
using CbpCenters.Engine.Runtime;
using Fluid;

namespace CbpCenters.Engine.Notices;

/// <summary>
/// Composes notices from <see cref="NoticeTemplates"/>. Values inserted into the HTML body are HTML-encoded
/// (a filer's "&lt;b&gt;" arrives as text, never as markup); the subject and plain-text body are not encoded.
/// Every address, the template name, the required fields and the rendering are checked here, so a notice that
/// cannot be sent is refused when its step runs, with a <see cref="NoticeException"/> naming the reason.
/// </summary>
public sealed partial class TemplateNoticeComposer(NoticeTemplates templates, ICenterCalendar calendar, TimeProvider clock) : INoticeComposer
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public OutboxMessage Compose(string template, NoticeRecipients recipients, IReadOnlyDictionary<string, JsonNode?> model)
    {
        var notice = templates.Find(template)
            ?? throw new NoticeException($"Notice template '{template}' does not exist in {templates.Source}.");
        var to = Addresses(recipients.To, []);
        if (to.Count == 0) throw new NoticeException($"Notice '{template}' has no recipient.");
        var cc = Addresses(recipients.Cc ?? [], to);
        var bcc = Addresses(recipients.Bcc ?? [], [.. to, .. cc]);
        var replyTo = recipients.ReplyTo is { } reply ? Addresses([reply], []).Single() : null;
        foreach (var path in notice.Requires.Where(p => IsEmpty(model, p)))
            throw new NoticeException($"Notice '{template}' needs {path}, which has no value here.");

        var zone = calendar.TimeZoneOf(model.GetValueOrDefault("instance")?["centerCode"]?.GetValue<string>());
        string subject, text;
        string? html;
        try
        {
            subject = Render(notice.Subject, model, zone, NullEncoder.Default);
            text = Render(notice.Text, model, zone, NullEncoder.Default);
            html = notice.Html is null ? null : Render(notice.Html, model, zone, Html);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new NoticeException($"Notice '{template}' could not be rendered: {ex.Message}");
        }

        subject = Whitespace().Replace(subject, " ").Trim();
        if (subject.Length == 0) throw new NoticeException($"Notice '{template}' rendered an empty subject.");
        var now = clock.GetUtcNow();
        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Template = template,
            To = to,
            Cc = cc,
            Bcc = bcc,
            ReplyTo = replyTo,
            Subject = subject,
            TextBody = TidyText(text),
            HtmlBody = html is null ? null : Document(subject, html),
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    /// <summary>
    /// Valid, distinct addresses not already in <paramref name="earlier"/> (a person in To is not copied again).
    /// A line break in an address is refused: it could smuggle extra mail headers.
    /// </summary>
    private static List<string> Addresses(IEnumerable<string> addresses, IReadOnlyCollection<string> earlier)
    {
        var seen = new HashSet<string>(earlier.Select(a => MailAddress.TryCreate(a, out var m) ? m.Address : a), StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var raw in addresses)
        {
            var address = raw.Trim();
            if (address.Length == 0 || address.IndexOfAny(['\r', '\n']) >= 0 || !MailAddress.TryCreate(address, out var parsed))
                throw new NoticeException($"'{raw}' is not a valid email address.");
            if (seen.Add(parsed.Address)) result.Add(address);
        }
        return result;
    }

    private static bool IsEmpty(IReadOnlyDictionary<string, JsonNode?> model, string path)
    {
        var parts = path.Split('.');
        var node = model.GetValueOrDefault(parts[0]);
        foreach (var part in parts.Skip(1))
            node = node is JsonObject o ? o[part] : null;
        return node switch
        {
            null => true,
            JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s),
            JsonArray a => a.Count == 0,
            _ => false,
        };
    }

    private string Render(IFluidTemplate template, IReadOnlyDictionary<string, JsonNode?> model, TimeZoneInfo zone, TextEncoder encoder)
    {
        var context = new TemplateContext(templates.Options) { TimeZone = zone, Now = clock.GetUtcNow };
        if (encoder is HtmlEncoder) context.AmbientValues[NoticeFilters.HtmlMode] = true;
        foreach (var (name, value) in model) context.SetValue(name, LiquidRenderer.ToPlain(value));
        return template.Render(context, encoder);
    }

    /// <summary>Plain text as a person typed it: no trailing spaces, at most one blank line in a row.</summary>
    private static string TidyText(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd());
        return BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim() + "\n";
    }

    /// <summary>The HTML body as a complete document, so every mail client renders it the same way.</summary>
    private static string Document(string subject, string body) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>{Html.Encode(subject)}</title></head>
        <body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.45; color: #1b1b1b; max-width: 680px;">
        {body.Trim()}
        </body>
        </html>
        """;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
