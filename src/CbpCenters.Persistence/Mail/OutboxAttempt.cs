namespace CbpCenters.Persistence.Mail;

/// <summary>One try at delivering an outbox message, kept so staff can see what the mail server said each time.</summary>
public sealed class OutboxAttempt
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    public DateTimeOffset At { get; set; }
    public bool Delivered { get; set; }
    public string Reply { get; set; } = "";
}
