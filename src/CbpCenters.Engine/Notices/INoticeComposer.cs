using System.Text.Json.Nodes;

namespace CbpCenters.Engine.Notices;

/// <summary>Who receives a notice: addresses, already resolved from roles such as filer or Center Director.</summary>
public sealed record NoticeRecipients(
    IReadOnlyList<string> To,
    IReadOnlyList<string>? Cc = null,
    IReadOnlyList<string>? Bcc = null,
    string? ReplyTo = null);

/// <summary>
/// Turns a named notice template and a model (case, task, instance, variables...) into an outbox message.
/// Throws <see cref="NoticeException"/> for an unknown template, a rendering error or an invalid address, so
/// a bad notice is refused when it is created, never when it is due to be sent.
/// </summary>
public interface INoticeComposer
{
    OutboxMessage Compose(string template, NoticeRecipients recipients, IReadOnlyDictionary<string, JsonNode?> model);
}

public sealed class NoticeException(string message) : Exception(message);

/// <summary>Told after notices were saved outside a workflow step (a task handed to someone), so they go out now.</summary>
public interface INoticesQueuedListener
{
    void OnNoticesQueued();
}
