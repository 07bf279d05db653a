using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CbpCenters.Engine.Activities;
using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Runtime;

namespace CbpCenters.Engine.Tasks;

/// <summary>The notices a task sends, and the <c>task</c> their templates see (camelCase, enums as names).</summary>
public static class TaskNotices
{
    public const string Assigned = "task-assigned";
    public const string Reminder = "task-reminder";
    public const string EscalatedToDirector = "task-escalated-director";
    public const string EscalatedToFieldOperations = "task-escalated-dfo";

    private static readonly JsonSerializerOptions ModelOptions = new(JsonSerializerOptions.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static JsonObject Model(HumanTask task) => JsonSerializer.SerializeToNode(task, ModelOptions)!.AsObject();

    /// <summary>
    /// The "task assigned" notice for a person someone handed the task to outside a workflow step, over the model a
    /// step's notice has: the task, its case, and its instance, whose Center sets the time zone dates read in.
    /// </summary>
    public static OutboxMessage HandedOver(INoticeComposer composer, HumanTask task, string to, string why, JsonObject? caseData, DateTimeOffset now)
    {
        var message = composer.Compose(Assigned, new NoticeRecipients([to]), new Dictionary<string, JsonNode?>
        {
            ["task"] = Model(task),
            ["case"] = caseData,
            ["handover"] = why,
            ["instance"] = new JsonObject { ["id"] = task.InstanceId.ToString(), ["definitionId"] = task.DefinitionId, ["centerCode"] = task.CenterCode },
            ["now"] = now.ToString("O"),
        });
        message.TaskId = task.Id;
        message.InstanceId = task.InstanceId;
        message.CaseId = task.CaseId;
        return message;
    }

    /// <summary>
    /// Queues a notice in the same commit as the step. A notice that cannot be composed (no template, a bad
    /// address in the directory) is journalled instead of failing the step: the task itself matters more than
    /// its email, and the journal line tells an administrator what to fix.
    /// </summary>
    public static void Queue(ActivityContext context, string template, HumanTask task, string to, string? cc = null)
    {
        try
        {
            context.QueueNotice(template, new NoticeRecipients([to], cc is null ? null : [cc]),
                new Dictionary<string, JsonNode?> { ["task"] = Model(task) }, task.Id);
        }
        catch (NoticeException ex)
        {
            context.Journal(JournalEvents.Log, $"Notice '{template}' for task '{task.Title}' was not queued: {ex.Message}");
        }
    }
}
