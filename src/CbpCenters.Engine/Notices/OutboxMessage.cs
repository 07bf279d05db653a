namespace CbpCenters.Engine.Notices;

public enum OutboxStatus { Pending, Sent, Failed }

/// <summary>
/// An email notice, written in the same transaction as the workflow step that caused it, so a notice exists
/// exactly when its step happened. Delivery is a separate, retried concern.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public Guid? InstanceId { get; set; }
    public Guid? CaseId { get; set; }
    public Guid? TaskId { get; set; }
    public string? ActivityId { get; set; }
    public string Template { get; set; } = "";
    public List<string> To { get; set; } = [];
    public List<string> Cc { get; set; } = [];
    public List<string> Bcc { get; set; } = [];
    public string? ReplyTo { get; set; }
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>The last failure: the SMTP server's reply, or why it could not be reached.</summary>
    public string? LastError { get; set; }
    /// <summary>The SMTP server's reply when the message was accepted.</summary>
    public string? SmtpReply { get; set; }
    public int Version { get; set; }

    /// <summary>Stable across retries so a receiver can recognise a message sent twice after a crash.</summary>
    public string MessageId => $"<{Id:N}@cbpcenters>";
}
