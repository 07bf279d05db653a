using System.Text.Json.Nodes;
using CbpCenters.Engine.Calendar;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tasks;

namespace CbpCenters.Engine.Activities;

/// <summary>
/// Puts a task in a Center's inbox and waits for a person's decision, continuing on the chosen outcome. Its
/// escalation policy runs on durable timers next to the task's bookmark; completion and timeout each consume a
/// bookmark and update the task in one commit, so when they race the first commit wins and the other writes nothing.
/// </summary>
public sealed class HumanTaskActivity : Activity
{
    public const string TypeName = "HumanTask";
    public const string Timeout = "Timeout";
    private const string EscalationPrefix = "escalation:";

    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, "Human task", "People", "Puts a task in a Center's inbox and continues on the outcome a person chooses.",
        [
            new("title", PropertyKind.Template, "Inbox title, e.g. Review protest {{ case.protestNumber }}", Required: true),
            new("description", PropertyKind.Template, "What the specialist should do"),
            new("caseReference", PropertyKind.Template, "Shown and searchable in the inbox, e.g. {{ case.protestNumber }}"),
            new("center", PropertyKind.Template, "Center code; defaults to the instance's Center"),
            new("candidates", PropertyKind.Json, "{\"roles\": [\"ImportSpecialist\"], \"pool\": \"core|matrix|either\", \"users\": [...], \"excludedUsers\": {\"expression\": \"[outputs.review.completedBy]\"}}"),
            new("assignee", PropertyKind.Template, "A named user who receives the task (their substitute when out of office)"),
            new("strategy", PropertyKind.Choice, "Who receives it when nobody is named: claim (the Center queue; default), round-robin or least-loaded", Options: AssignmentStrategies.All),
            new("priority", PropertyKind.Number, "0 to 100; default 50"),
            new("due", PropertyKind.Duration, "P20BD, P30D, or {\"expression\"} giving an ISO date or instant"),
            new("followUp", PropertyKind.Duration, "When to look at it again, e.g. P5BD"),
            new("outcomes", PropertyKind.Json, "[{\"name\": \"Approve\", \"label\": \"Approve\", \"form\": [{\"field\", \"label\", \"type\", \"required\", \"allowedValues\", \"maxLength\"}]}]", Required: true),
            new("escalation", PropertyKind.Json, "[{\"at\": \"75%|due|due+P10BD|due-P2BD|created+P5BD|case.decisionLimit-P60D\", \"action\": \"remind|escalate|timeout\", \"to\": \"CenterDirector|DFO\", \"mode\": \"candidate|reassign\"}]"),
        ],
        []) { IsBlocking = true, IsBranching = true, HasDynamicOutcomes = true };

    public override IReadOnlyList<string> OutcomesOf(ActivityNode node)
    {
        var outcomes = node.Property("outcomes") is JsonArray a
            ? a.Select(o => (o as JsonObject)?["name"]?.ToString()).OfType<string>().Where(n => n.Length > 0).Distinct().ToList()
            : [];
        var timesOut = node.Property("escalation") is JsonArray steps && steps.Any(s => s?["action"]?.ToString() == EscalationActions.Timeout);
        return timesOut ? [.. outcomes, Timeout] : outcomes;
    }

    public override IEnumerable<string> Validate(ActivityNode node)
    {
        var problems = new List<string>();
        problems.AddRange(TaskForm.DesignProblems(node.Property("outcomes")));
        problems.AddRange(TaskCandidates.DesignProblems(node.Property("candidates"), node.Property("assignee") is not null));
        problems.AddRange(EscalationPolicy.DesignProblems(node.Property("escalation"), node.Property("due") is not null));
        if (OutcomesOf(node).Count(o => o == Timeout) > 1)
            problems.Add($"outcome '{Timeout}' is taken by the escalation policy's timeout; name the outcome differently.");
        switch (node.Property("priority"))
        {
            case null:
            case JsonObject o when o["expression"] is not null:
                break;
            case JsonValue v when v.TryGetValue<decimal>(out var p) && p is >= 0 and <= 100 && p == decimal.Truncate(p):
                break;
            case var other:
                problems.Add($"property 'priority' must be a whole number from 0 to 100, not {other.ToJsonString()}.");
                break;
        }
        return problems;
    }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        // Everything is computed before anything is staged: an expression or directory failure faults the step
        // with no half-made task, bookmark or notice.
        var now = context.Now;
        var center = context.StringValue("center") is { Length: > 0 } c ? c : context.Instance.CenterCode
            ?? throw new InvalidOperationException("The task has no Center: set 'center' or start the workflow for a Center.");
        var zone = context.Service<ICenterCalendar>().TimeZoneOf(center);
        var candidates = TaskCandidates.Read(context);
        var policy = EscalationPolicy.Read(context.Node.Property("escalation"));
        var due = DueAt(context, now, zone);
        var task = new HumanTask
        {
            Id = Guid.CreateVersion7(),
            InstanceId = context.Instance.Id,
            ActivityId = context.Node.Id,
            DefinitionId = context.Instance.DefinitionId,
            DefinitionVersion = context.Instance.DefinitionVersion,
            ProcessName = context.Instance.DefinitionName,
            Title = context.StringValue("title") is { Length: > 0 } title ? title : context.Node.Id,
            Description = context.StringValue("description"),
            CaseId = context.Instance.CaseId,
            CaseReference = context.StringValue("caseReference") ?? context.Execution.Case?["reference"]?.ToString(),
            ImporterName = context.Execution.Case?["importerName"]?.ToString(),
            CenterCode = center,
            CandidateRoles = [.. candidates.Roles],
            Pool = candidates.Pool,
            CandidateUsers = [.. candidates.Users],
            ExcludedUsers = [.. candidates.ExcludedUsers],
            Priority = Priority(context),
            CreatedAt = now,
            DueAt = due,
            FollowUpAt = context.Node.StringProperty("followUp") is { } followUp ? WorkDuration.Parse(followUp).AddTo(now, zone, context.Calendar) : null,
            Strategy = context.Node.StringProperty("strategy") ?? AssignmentStrategies.Claim,
            Outcomes = TaskForm.ReadOutcomes(context.Node.Property("outcomes")),
        };
        var timers = policy.Steps.Select(s => (Step: s, At: s.At.InstantFor(now, due, zone, context.Calendar, context.Execution.Case))).ToList();
        var decision = await context.Service<TaskAssignment>().ChooseAsync(task, context.StringValue("assignee"), default);
        var assignee = decision.Assignee is null ? null : await context.Service<IStaffDirectory>().FindAsync(decision.Assignee, default);
        TaskAssignment.Apply(task, decision, assignee);

        var taskId = task.Id.ToString();
        task.BookmarkId = context.CreateBookmark(BookmarkKinds.HumanTask, "task", payload: new JsonObject { ["taskId"] = taskId }).Id;
        foreach (var (step, at) in timers)
        {
            if (at is null)
                context.Journal(JournalEvents.Log, $"{task.Title}: escalation at {step.At} is not scheduled; the case has no date '{step.At.Field}'");
            else
                context.CreateBookmark(BookmarkKinds.Timer, EscalationPrefix + step.Index, at, new JsonObject { ["taskId"] = taskId, ["step"] = step.Index });
        }
        context.AddTask(task);
        context.AddTaskEvent(Event(context, task, "Created", $"{task.Title} for {Audience(task)}"));
        if (task.Assignee is not null)
            context.AddTaskEvent(Event(context, task, "Assigned", $"to {task.Assignee}: {decision.Reason}"));
        context.Journal(JournalEvents.TaskCreated, $"{task.Title}: {(task.Assignee is null ? decision.Reason : $"assigned to {task.Assignee} ({decision.Reason})")}",
            data: new JsonObject { ["taskId"] = taskId, ["assignee"] = task.Assignee, ["dueAt"] = task.DueAt?.ToString("O") });
        if (assignee is not null)
            TaskNotices.Queue(context, TaskNotices.Assigned, task, assignee.Email);
        return ActivityResult.Wait();
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonObject? input)
    {
        var task = await TaskOfAsync(context, bookmark)
            ?? throw new InvalidOperationException($"The task of bookmark {bookmark.Id} no longer exists.");
        if (bookmark.Kind == BookmarkKinds.HumanTask) return Complete(context, task, input);

        var step = EscalationPolicy.Read(context.Node.Property("escalation")).Steps[bookmark.Payload?["step"]?.GetValue<int>() ?? 0];
        if (!task.IsOpen)
        {
            context.Journal(JournalEvents.Log, $"{task.Title}: escalation at {step.At} skipped, the task is {task.Status}");
            return ActivityResult.Wait();
        }
        switch (step.Action)
        {
            case EscalationActions.Remind:
                await TaskEscalation.RemindAsync(context, task, step);
                return ActivityResult.Wait();
            case EscalationActions.Escalate:
                await TaskEscalation.EscalateAsync(context, task, step);
                return ActivityResult.Wait();
            default:
                return TimeOut(context, task, step);
        }
    }

    public override async ValueTask OnCancelledAsync(ActivityContext context, Bookmark bookmark)
    {
        if (bookmark.Kind != BookmarkKinds.HumanTask) return;
        // A timeout finishing this execution has already staged the task as TimedOut; only an open task is cancelled.
        if (await TaskOfAsync(context, bookmark) is not { IsOpen: true } task) return;
        task.Status = HumanTaskStatus.Cancelled;
        context.UpdateTask(task);
        context.AddTaskEvent(Event(context, task, "Cancelled", "the workflow no longer waits for this task"));
        context.Journal(JournalEvents.TaskCancelled, task.Title, data: new JsonObject { ["taskId"] = task.Id.ToString() });
    }

    private static ActivityResult Complete(ActivityContext context, HumanTask task, JsonObject? input)
    {
        var outcome = input?["outcome"]?.ToString();
        if (task.Outcomes.All(o => o.Name != outcome))
            throw new InvalidOperationException($"Task '{task.Title}' has no outcome '{outcome}'.");
        var completedBy = input?["completedBy"]?.ToString() ?? context.Actor;
        // The completer's view of the task: if it changed since (reassigned, escalated), this commit loses and writes nothing.
        if (input?["taskVersion"] is JsonValue seen && seen.TryGetValue<int>(out var version)) task.Version = version;
        task.Status = HumanTaskStatus.Completed;
        task.Outcome = outcome;
        task.Data = input?["data"] is JsonObject data ? data.DeepClone().AsObject() : null;
        task.CompletedBy = completedBy;
        task.CompletedAt = context.Now;
        context.UpdateTask(task);
        context.AddTaskEvent(Event(context, task, "Completed", outcome, completedBy));
        context.Journal(JournalEvents.TaskCompleted, task.Title, outcome, new JsonObject { ["taskId"] = task.Id.ToString() }, completedBy);
        var result = new JsonObject
        {
            ["outcome"] = outcome,
            ["data"] = task.Data?.DeepClone(),
            ["completedBy"] = completedBy,
            ["completedAt"] = context.Now.ToString("O"),
        };
        context.SetOutput(result);
        var last = result.DeepClone().AsObject();
        last["activity"] = context.Node.Id;
        context.SetLastOutcome(last);
        return ActivityResult.Complete(outcome!);
    }

    private static ActivityResult TimeOut(ActivityContext context, HumanTask task, EscalationStep step)
    {
        task.Status = HumanTaskStatus.TimedOut;
        context.UpdateTask(task);
        context.AddTaskEvent(Event(context, task, "TimedOut", $"{step.At}: nobody completed the task in time"));
        context.Journal(JournalEvents.TaskTimedOut, $"{task.Title}: timed out at {step.At}", Timeout,
            new JsonObject { ["taskId"] = task.Id.ToString(), ["step"] = step.Index + 1 });
        context.SetOutput(new JsonObject { ["outcome"] = Timeout, ["timedOutAt"] = context.Now.ToString("O") });
        return ActivityResult.Complete(Timeout);
    }

    /// <summary>The task as this run sees it: a copy already changed earlier in the same commit, else the stored one.</summary>
    private static async Task<HumanTask?> TaskOfAsync(ActivityContext context, Bookmark bookmark)
    {
        if (bookmark.Payload?["taskId"]?.ToString() is not { } text || !Guid.TryParse(text, out var id))
            return await context.Service<ITaskStore>().FindByBookmarkAsync(bookmark.Id, default);
        var commit = context.Execution.Commit;
        return commit.UpdatedTasks.Concat(commit.NewTasks).FirstOrDefault(t => t.Id == id)
            ?? await context.Service<ITaskStore>().FindAsync(id, default);
    }

    private static DateTimeOffset? DueAt(ActivityContext context, DateTimeOffset now, TimeZoneInfo zone)
    {
        switch (context.Node.Property("due"))
        {
            case null:
                return null;
            case JsonValue v when v.TryGetValue<string>(out var duration):
                return WorkDuration.Parse(duration).AddTo(now, zone, context.Calendar);
            default:
                var value = context.Value("due");
                if (value is JsonValue instant && instant.TryGetValue<DateTimeOffset>(out var at)) return at.ToUniversalTime();
                return TimerActivity.ToInstant(value, zone)
                    ?? throw new InvalidOperationException($"The task's 'due' gave {value?.ToJsonString() ?? "nothing"}, not a date or date-time.");
        }
    }

    private static int Priority(ActivityContext context)
    {
        var value = context.Value("priority");
        if (value is null) return 50;
        if (value is JsonValue v && decimal.TryParse(v.ToJsonString().Trim('"'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var p)
            && p is >= 0 and <= 100) return (int)p;
        throw new InvalidOperationException($"The task's priority is {value.ToJsonString()}; it must be from 0 to 100.");
    }

    private static string Audience(HumanTask task)
    {
        var who = task.CandidateRoles.Concat(task.CandidateUsers).DefaultIfEmpty("named staff");
        return $"{string.Join(", ", who)} at {task.CenterCode}" + (task.Pool == CandidatePool.Either ? "" : $" ({task.Pool.ToString().ToLowerInvariant()} staff)");
    }

    private static TaskEvent Event(ActivityContext context, HumanTask task, string kind, string? detail, string? actor = null) =>
        new() { TaskId = task.Id, At = context.Now, Actor = actor ?? context.Actor, Kind = kind, Detail = detail };
}
