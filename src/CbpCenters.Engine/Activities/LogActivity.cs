using Microsoft.Extensions.Logging;

namespace CbpCenters.Engine.Activities;

/// <summary>Writes a line to the instance journal and the service log.</summary>
public sealed class LogActivity(ILogger<LogActivity> logger) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "Log", "Log", "Diagnostics", "Writes a message (a Liquid template) to the journal and the service log.",
        [
            new("message", PropertyKind.Template, "The message, e.g. Protest {{ case.protestNumber }} routed", Required: true),
            new("level", PropertyKind.Choice, "Information, Warning or Error", Options: ["Information", "Warning", "Error"]),
        ],
        ["Done"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var message = context.Render(context.Node.StringProperty("message")!);
        var level = Enum.TryParse<LogLevel>(context.Node.StringProperty("level"), out var l) ? l : LogLevel.Information;
        logger.Log(level, "Instance {InstanceId} {ActivityId}: {Message}", context.Instance.Id, context.Node.Id, message);
        context.Journal(Runtime.JournalEvents.Log, message);
        return ValueTask.FromResult(ActivityResult.Complete("Done"));
    }
}
