using System.Text.Json.Nodes;
using CbpCenters.Engine.Calendar;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Expressions;
using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace CbpCenters.Engine.Activities;

/// <summary>
/// What an executing activity may read and do. Effects (bookmarks, variables, journal lines, notices, task
/// changes) are staged here and reach the commit only when the activity returns; an activity that throws
/// leaves nothing behind but its incident.
/// </summary>
public sealed class ActivityContext
{
    private readonly Dictionary<string, JsonNode?> _variables = [];
    private readonly List<Action<WorkflowExecution>> _effects = [];

    internal ActivityContext(WorkflowExecution execution, ActivityNode node, Guid activityInstanceId, WorkItem? item)
    {
        Execution = execution;
        Node = node;
        ActivityInstanceId = activityInstanceId;
        Item = item;
    }

    public WorkflowExecution Execution { get; }
    public ActivityNode Node { get; }
    public Guid ActivityInstanceId { get; }
    /// <summary>The work item that started this execution; null when resuming or cancelling.</summary>
    public WorkItem? Item { get; }
    public WorkflowInstance Instance => Execution.Instance;
    public DateTimeOffset Now => Execution.Now;
    public string Actor => Execution.Actor;

    public T Service<T>() where T : notnull => Execution.Services.GetRequiredService<T>();

    /// <summary>This activity's own persistent state (e.g. a Join's arrivals).</summary>
    public JsonObject State
    {
        get
        {
            if (!Instance.State.Activities.TryGetValue(Node.Id, out var state))
                Instance.State.Activities[Node.Id] = state = [];
            return state;
        }
    }

    public JsonNode? Evaluate(string expression, IReadOnlyDictionary<string, JsonNode?>? extra = null) =>
        Service<JavaScriptEvaluator>().Evaluate(expression, ScopeWith(extra));

    public bool EvaluateBoolean(string expression) =>
        Service<JavaScriptEvaluator>().EvaluateBoolean(expression, ScopeWith(null));

    public string Render(string template, IReadOnlyDictionary<string, JsonNode?>? extra = null) =>
        Service<LiquidRenderer>().Render(template, ScopeWith(extra));

    /// <summary>
    /// A property's value: <c>{"expression": "..."}</c> is evaluated as JavaScript; a string is rendered as
    /// Liquid when it contains <c>{{</c>; anything else is taken literally.
    /// </summary>
    public JsonNode? Value(string property)
    {
        var raw = Node.Property(property);
        return raw switch
        {
            JsonObject o when o.TryGetPropertyValue("expression", out var e) && e is JsonValue ev && ev.TryGetValue<string>(out var code) => Evaluate(code),
            JsonValue v when v.TryGetValue<string>(out var text) && text.Contains("{{") => JsonValue.Create(Render(text)),
            _ => raw?.DeepClone(),
        };
    }

    public string? StringValue(string property) => Value(property) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => other.ToJsonString(),
    };

    public List<string> StringListValue(string property) => Value(property) switch
    {
        JsonArray a => [.. a.Select(x => x?.ToString() ?? "").Where(x => x.Length > 0)],
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => [s],
        _ => [],
    };

    public TimeZoneInfo TimeZone => Service<ICenterCalendar>().TimeZoneOf(Instance.CenterCode);
    public BusinessCalendar Calendar => Service<ICenterCalendar>().Calendar;

    /// <summary>The instant a duration (<c>P5BD</c>, <c>P30D</c>, ...) after <paramref name="from"/>, in the Center's calendar.</summary>
    public DateTimeOffset After(WorkDuration duration, DateTimeOffset from) => duration.AddTo(from, TimeZone, Calendar);

    public Bookmark CreateBookmark(string kind, string? name = null, DateTimeOffset? dueAt = null, JsonObject? payload = null)
    {
        var bookmark = new Bookmark
        {
            Id = Guid.CreateVersion7(),
            InstanceId = Instance.Id,
            ActivityId = Node.Id,
            ActivityInstanceId = ActivityInstanceId,
            Kind = kind,
            Name = name,
            DueAt = dueAt,
            Payload = payload,
            CreatedAt = Now,
        };
        _effects.Add(e => e.AddBookmark(bookmark));
        return bookmark;
    }

    public void SetVariable(string name, JsonNode? value) => _variables[name] = value;

    /// <summary>Records this activity's output for later expressions (<c>outputs.&lt;id&gt;</c>).</summary>
    public void SetOutput(JsonObject output) => _effects.Add(e => e.Instance.State.Outputs[Node.Id] = output);

    /// <summary>Records a person's decision; later expressions see it as <c>outcome</c>.</summary>
    public void SetLastOutcome(JsonObject outcome) => _effects.Add(e => e.Instance.State.LastOutcome = outcome);

    public void Journal(string @event, string? message = null, string? outcome = null, JsonObject? data = null, string? actor = null) =>
        _effects.Add(e => e.Journal(@event, Node.Id, Node.Type, outcome, message, data, actor));

    public void AddOutbox(OutboxMessage message) => _effects.Add(e => e.Commit.Outbox.Add(message));

    /// <summary>
    /// Composes a notice over the instance scope (plus <paramref name="extra"/>, e.g. the task) and stages it in
    /// the outbox with a journal line; it is written in the same transaction as this step.
    /// </summary>
    public OutboxMessage QueueNotice(string template, NoticeRecipients recipients, IReadOnlyDictionary<string, JsonNode?>? extra = null, Guid? taskId = null)
    {
        var message = Service<INoticeComposer>().Compose(template, recipients, ScopeWith(extra));
        message.InstanceId = Instance.Id;
        message.CaseId = Instance.CaseId;
        message.TaskId = taskId;
        message.ActivityId = Node.Id;
        AddOutbox(message);
        Journal(JournalEvents.EmailQueued, $"{template} to {string.Join(", ", recipients.To)}: {message.Subject}",
            data: new JsonObject { ["outboxId"] = message.Id.ToString(), ["template"] = template });
        return message;
    }
    public void AddTask(HumanTask task) => _effects.Add(e => e.Commit.NewTasks.Add(task));
    public void UpdateTask(HumanTask task) => _effects.Add(e => e.Commit.UpdateTask(task));
    public void AddTaskEvent(TaskEvent taskEvent) => _effects.Add(e => e.Commit.TaskEvents.Add(taskEvent));

    /// <summary>Stages case fields; later steps of this run see them in <c>case</c> too.</summary>
    public void UpdateCase(Guid caseId, JsonObject changes) => _effects.Add(e =>
    {
        e.Commit.CaseUpdates.Add(new CaseUpdate(caseId, changes));
        if (e.Case is { } current)
            foreach (var (field, value) in changes) current[field] = value?.DeepClone();
    });

    /// <summary>Cancels, when this activity completes, every other path that could still reach it (WaitAny).</summary>
    public void CancelBranchesLeadingHere() => _effects.Add(_ => CancelBranches = true);

    internal bool CancelBranches { get; private set; }

    internal void ApplyTo(WorkflowExecution execution)
    {
        foreach (var (name, value) in _variables) execution.Instance.Variables[name] = value;
        foreach (var effect in _effects) effect(execution);
    }

    private Dictionary<string, JsonNode?> ScopeWith(IReadOnlyDictionary<string, JsonNode?>? extra)
    {
        var scope = Execution.Scope();
        if (extra is not null)
            foreach (var (k, v) in extra) scope[k] = v?.DeepClone();
        return scope;
    }
}
