namespace CbpCenters.Persistence.Mail;

/// <summary>A message received by the built-in SMTP capture: what a filer or staff member would have received.</summary>
public sealed class MailboxMessage
{
    public Guid Id { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string From { get; set; } = "";
    public List<string> To { get; set; } = [];
    public List<string> Cc { get; set; } = [];
    public string Subject { get; set; } = "";
    public string? TextBody { get; set; }
    public string? HtmlBody { get; set; }
    public string? MessageId { get; set; }
    public string Raw { get; set; } = "";
}
