using System.Net.Mail;
using System.Text.Json.Nodes;

namespace CbpCenters.Engine.Notices;

/// <summary>A composer without templates: the subject names the notice and the body lists the case reference.</summary>
public sealed class PlainNoticeComposer(TimeProvider clock) : INoticeComposer
{
    public OutboxMessage Compose(string template, NoticeRecipients recipients, IReadOnlyDictionary<string, JsonNode?> model)
    {
        foreach (var address in recipients.To.Concat(recipients.Cc ?? []).Concat(recipients.Bcc ?? []))
            if (!MailAddress.TryCreate(address, out _))
                throw new NoticeException($"'{address}' is not a valid email address.");
        if (recipients.To.Count == 0) throw new NoticeException($"Notice '{template}' has no recipient.");
        var now = clock.GetUtcNow();
        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Template = template,
            To = [.. recipients.To],
            Cc = [.. recipients.Cc ?? []],
            Bcc = [.. recipients.Bcc ?? []],
            ReplyTo = recipients.ReplyTo,
            Subject = template,
            TextBody = model.TryGetValue("task", out var task) && task is not null ? task.ToJsonString() : template,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}
