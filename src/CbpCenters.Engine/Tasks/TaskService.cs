using System.Text.Json.Nodes;
using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Runtime;

namespace CbpCenters.Engine.Tasks;

/// <summary>
/// What people do with tasks, each operation checked against the caller. Inbox changes (claim, release, assign,
/// delegate, resolve, reassign) are saved against the version of the task they were decided on, so of two people
/// acting at once one wins and the other gets a <see cref="WorkflowConflictException"/>. A completion goes through
/// the workflow, which continues in the same commit that closes the task. Whoever a task is handed to hears of it
/// by email, queued in the same save as the change.
/// </summary>
public sealed class TaskService(
    ITaskStore tasks, WorkflowRuntime runtime, IStaffDirectory staff, TimeProvider clock, INoticeComposer composer,
    ICaseContextSource cases, IEnumerable<INoticesQueuedListener> noticeListeners)
{
    /// <summary>The task, if the caller may see it: eligible for it, holding, owning or having completed it, or seeing its Center.</summary>
    public async Task<HumanTask> GetAsync(Guid taskId, TaskActor actor, CancellationToken ct = default)
    {
        var task = await tasks.FindAsync(taskId, ct) ?? throw new TaskNotFoundException(taskId);
        var user = actor.UserName;
        if (TaskVisibility.IsEligible(task, actor.Viewer) || task.Assignee == user || task.Owner == user
            || task.CompletedBy == user || actor.VisibleCenters.Contains(task.CenterCode))
            return task;
        throw new TaskForbiddenException(TaskVisibility.WhyNotEligible(task, actor.Viewer)
            ?? $"This task belongs to the {task.CenterCode} Center and is not open to {user}.");
    }

    public async Task<IReadOnlyList<TaskEvent>> HistoryAsync(Guid taskId, TaskActor actor, CancellationToken ct = default) =>
        await tasks.GetHistoryAsync((await GetAsync(taskId, actor, ct)).Id, ct);

    public async Task<IReadOnlyList<TaskComment>> CommentsAsync(Guid taskId, TaskActor actor, CancellationToken ct = default) =>
        await tasks.GetCommentsAsync((await GetAsync(taskId, actor, ct)).Id, ct);

    /// <summary>Takes an unassigned task. Of two people claiming at once, one gets it and the other a conflict.</summary>
    public async Task<HumanTask> ClaimAsync(Guid taskId, TaskActor actor, CancellationToken ct = default)
    {
        var task = Open(await GetAsync(taskId, actor, ct));
        if (task.Assignee == actor.UserName) return task;
        if (task.Status == HumanTaskStatus.Assigned)
            throw new WorkflowConflictException($"{task.Assignee} already has this task.");
        if (TaskVisibility.WhyNotEligible(task, actor.Viewer) is { } why) throw new TaskForbiddenException(why);
        task.Assignee = actor.UserName;
        task.Status = HumanTaskStatus.Assigned;
        return await SaveAsync(task, actor, "Claimed", null, ct);
    }

    /// <summary>Puts a task back in the queue: by its assignee, or by a supervisor of its Center.</summary>
    public async Task<HumanTask> ReleaseAsync(Guid taskId, TaskActor actor, CancellationToken ct = default)
    {
        var task = Open(await GetAsync(taskId, actor, ct));
        if (task.Assignee is null) return task;
        var supervises = actor.Supervises(task);
        if (task.Assignee != actor.UserName && !supervises)
            throw new TaskForbiddenException($"{task.Assignee} holds this task; only they or a supervisor of {task.CenterCode} can release it.");
        if (task.Owner is not null && !supervises)
            throw new TaskForbiddenException($"{task.Owner} delegated this task to you; hand it back with Resolve instead of releasing it.");
        var previous = task.Assignee;
        task.Assignee = null;
        task.Owner = null;
        task.Status = HumanTaskStatus.Unassigned;
        return await SaveAsync(task, actor, "Released", $"{previous} released it to the {task.CenterCode} queue", ct);
    }

    /// <summary>A supervisor of the task's Center gives it to an eligible person.</summary>
    public async Task<HumanTask> AssignAsync(Guid taskId, string userName, TaskActor actor, CancellationToken ct = default)
    {
        var task = Open(await GetAsync(taskId, actor, ct));
        if (!actor.Supervises(task))
            throw new TaskForbiddenException($"Only a supervisor of the {task.CenterCode} Center can assign its tasks.");
        var target = await EligibleTargetAsync(task, userName, "userName", ct);
        task.Assignee = target.UserName;
        task.Owner = null;
        task.Status = HumanTaskStatus.Assigned;
        return await SaveAsync(task, actor, "Assigned", $"to {target.UserName} by {actor.UserName}", ct,
            HandedTo(target, actor, $"{actor.UserName} assigned it to you."));
    }

    /// <summary>
    /// The assignee hands the task to an eligible colleague and stays its owner, getting it back on
    /// <see cref="ResolveAsync"/>. Delegating again keeps the original owner.
    /// </summary>
    public async Task<HumanTask> DelegateAsync(Guid taskId, string userName, TaskActor actor, CancellationToken ct = default)
    {
        var task = Open(await GetAsync(taskId, actor, ct));
        if (task.Assignee != actor.UserName)
            throw new TaskForbiddenException($"Only the person holding this task can delegate it; {task.Assignee ?? "nobody"} holds it.");
        if (userName == actor.UserName)
            throw new TaskValidationException("userName", "Delegate the task to someone else.");
        var target = await EligibleTargetAsync(task, userName, "userName", ct);
        task.Owner ??= actor.UserName;
        task.Assignee = target.UserName;
        return await SaveAsync(task, actor, "Delegated", $"to {target.UserName}; {task.Owner} stays the owner", ct,
            HandedTo(target, actor, $"{actor.UserName} delegated it to you; hand it back with Resolve when your part is done."));
    }

    /// <summary>The delegate hands the task back to its owner.</summary>
    public async Task<HumanTask> ResolveAsync(Guid taskId, TaskActor actor, CancellationToken ct = default)
    {
        var task = Open(await GetAsync(taskId, actor, ct));
        if (task.Assignee != actor.UserName)
            throw new TaskForbiddenException($"Only the person holding this task can hand it back; {task.Assignee ?? "nobody"} holds it.");
        if (task.Owner is null)
            throw new WorkflowConflictException("This task was not delegated, so there is nobody to hand it back to.");
        var owner = task.Owner;
        task.Assignee = owner;
        task.Owner = null;
        return await SaveAsync(task, actor, "Resolved", $"handed back to {owner}", ct,
            HandedTo(await staff.FindAsync(owner, ct), actor, $"{actor.UserName} handed it back to you."));
    }

    /// <summary>
    /// Completes the task with an outcome and its form. The form is checked first, so a rejected completion
    /// changes nothing; the workflow then resumes, checked against the task as read here.
    /// </summary>
    public async Task<HumanTask> CompleteAsync(Guid taskId, string? outcome, JsonObject? data, TaskActor actor, CancellationToken ct = default)
    {
        var task = await GetAsync(taskId, actor, ct);
        if (task.ExcludedUsers.Contains(actor.UserName))
            throw new TaskForbiddenException(TaskVisibility.WhyNotEligible(task, actor.Viewer)!);
        Open(task);
        if (task.Assignee != actor.UserName)
            throw new TaskForbiddenException(task.Assignee is null
                ? "Claim this task before completing it."
                : $"{task.Assignee} holds this task; only they can complete it.");
        TaskForm.Check(task.Outcomes, outcome, data);
        var input = new JsonObject
        {
            ["outcome"] = outcome,
            ["data"] = data?.DeepClone() ?? new JsonObject(),
            ["completedBy"] = actor.UserName,
            ["taskVersion"] = task.Version,
        };
        await runtime.ResumeAsync(task.BookmarkId, input, actor.UserName, ct);
        return await tasks.FindAsync(taskId, ct) ?? throw new TaskNotFoundException(taskId);
    }

    /// <summary>Anyone who can see a task can comment on it.</summary>
    public async Task<TaskComment> CommentAsync(Guid taskId, string text, TaskActor actor, CancellationToken ct = default)
    {
        var task = await GetAsync(taskId, actor, ct);
        if (string.IsNullOrWhiteSpace(text))
            throw new TaskValidationException("text", "Write something in the comment.");
        if (text.Length > 4000)
            throw new TaskValidationException("text", $"A comment is at most 4000 characters; this one has {text.Length}.");
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw new TaskValidationException("text", "A comment cannot contain control characters such as NUL; only line breaks and tabs.");
        var comment = new TaskComment { TaskId = task.Id, Author = actor.UserName, At = clock.GetUtcNow(), Text = text.Trim() };
        await tasks.AddCommentAsync(comment, ct);
        return comment;
    }

    /// <summary>
    /// Moves every open task held by <paramref name="fromUser"/> in the supervisor's Centers to
    /// <paramref name="toUser"/>, each with a history line. A task <paramref name="toUser"/> may not work
    /// (other pool or position, or excluded by four-eyes), or that changed meanwhile, stays where it is.
    /// Returns how many moved.
    /// </summary>
    public async Task<int> BulkReassignAsync(string fromUser, string toUser, TaskActor actor, CancellationToken ct = default)
    {
        if (!actor.IsSupervisor)
            throw new TaskForbiddenException("Only a supervisor can reassign someone's tasks.");
        if (await staff.FindAsync(fromUser, ct) is null)
            throw new TaskValidationException("fromUser", $"{fromUser} is not in the staff directory.");
        var (moved, refused) = await MoveHeldAsync(fromUser, toUser, "toUser", actor, actor.Supervises, keepOwner: false, $"{actor.UserName} moved it to you from {fromUser}.", ct);
        // Moving some is useful (the rest stay for someone else); moving none because none fit is a wrong choice of person.
        return moved == 0 && refused is not null ? throw new TaskValidationException("toUser", $"{toUser} may not work the tasks {fromUser} holds: {refused}") : moved;
    }

    /// <summary>
    /// A person going out of office hands the open tasks they hold to their substitute (or a supervisor of their
    /// Center does it for them). Tasks the substitute may not work stay where they are. A task delegated to the
    /// person keeps its owner, so the substitute hands it back with Resolve as the person would have. Returns how
    /// many moved.
    /// </summary>
    public async Task<int> HandOverAsync(string fromUser, string substitute, TaskActor actor, CancellationToken ct = default)
    {
        var self = fromUser == actor.UserName;
        if (!self && !actor.IsSupervisor)
            throw new TaskForbiddenException($"Only {fromUser} or a supervisor of their Center can hand over their tasks.");
        return (await MoveHeldAsync(fromUser, substitute, "substitute", actor, task => self || actor.Supervises(task), keepOwner: true,
            $"{fromUser} is out of office and you are their substitute.", ct)).Moved;
    }

    /// <summary>Moves the open tasks the person holds; returns how many moved and why the target could not take one (if any).</summary>
    private async Task<(int Moved, string? Refused)> MoveHeldAsync(string fromUser, string toUser, string field, TaskActor actor, Func<HumanTask, bool> mayMove,
        bool keepOwner, string why, CancellationToken ct)
    {
        if (fromUser == toUser)
            throw new TaskValidationException(field, "Choose someone other than the person the tasks are moving from.");
        var target = await staff.FindAsync(toUser, ct)
            ?? throw new TaskValidationException(field, $"{toUser} is not in the staff directory.");

        var held = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var found = await tasks.QueryAsync(new TaskQuery(actor.Viewer, TaskView.Center, Assignee: fromUser, Page: page, PageSize: 200, Now: clock.GetUtcNow()), ct);
            held.AddRange(found.Items.Select(t => t.Id));
            if (found.Items.Count == 0 || held.Count >= found.Total) break;
        }
        var moved = 0;
        string? refused = null;
        foreach (var id in held)
        {
            var task = await tasks.FindAsync(id, ct);
            if (task is not { IsOpen: true } || task.Assignee != fromUser || !mayMove(task))
                continue;
            if (TaskVisibility.WhyNotEligible(task, target.AsViewer()) is { } whyNot)
            {
                refused ??= whyNot;
                continue;
            }
            task.Assignee = target.UserName;
            if (!keepOwner || task.Owner == target.UserName) task.Owner = null;
            try
            {
                await SaveAsync(task, actor, "Reassigned", $"from {fromUser} to {target.UserName} by {actor.UserName}", ct,
                    HandedTo(target, actor, why), wakeMail: false);
                moved++;
            }
            catch (WorkflowConflictException)
            {
                // Someone acted on this task meanwhile; their change stands.
            }
        }
        if (moved > 0) WakeMail();
        return (moved, refused);
    }

    private static HumanTask Open(HumanTask task) => task.IsOpen ? task
        : throw new WorkflowConflictException(task.Status switch
        {
            HumanTaskStatus.Completed => $"This task was already completed by {task.CompletedBy}.",
            HumanTaskStatus.TimedOut => "This task already timed out; the workflow went on without it.",
            _ => "This task was cancelled; the workflow no longer waits for it.",
        });

    private async Task<StaffProfile> EligibleTargetAsync(HumanTask task, string userName, string field, CancellationToken ct)
    {
        var target = await staff.FindAsync(userName, ct)
            ?? throw new TaskValidationException(field, $"{userName} is not in the staff directory.");
        if (TaskVisibility.WhyNotEligible(task, target.AsViewer()) is { } why)
            throw new TaskValidationException(field, why);
        return target;
    }

    /// <summary>Someone else handed the task to a person: they get the "task assigned" notice saying why.</summary>
    private sealed record Handover(string To, string Why);

    private static Handover? HandedTo(StaffProfile? person, TaskActor actor, string why) =>
        person is { Email.Length: > 0 } && person.UserName != actor.UserName ? new(person.Email, why) : null;

    private async Task<OutboxMessage> NoticeAsync(HumanTask task, Handover handover, CancellationToken ct) =>
        TaskNotices.HandedOver(composer, task, handover.To, handover.Why, task.CaseId is { } caseId ? await cases.GetCaseAsync(caseId, ct) : null, clock.GetUtcNow());

    private async Task<HumanTask> SaveAsync(HumanTask task, TaskActor actor, string kind, string? detail, CancellationToken ct,
        Handover? handover = null, bool wakeMail = true)
    {
        OutboxMessage[] notices = [];
        try
        {
            if (handover is not null) notices = [await NoticeAsync(task, handover, ct)];
        }
        catch (NoticeException ex)
        {
            // The hand-over matters more than its email; the history says why none was sent.
            detail = $"{detail} (no email: {ex.Message})";
        }
        var change = new TaskEvent { TaskId = task.Id, At = clock.GetUtcNow(), Actor = actor.UserName, Kind = kind, Detail = detail };
        await tasks.UpdateAsync(task, [change], notices, ct);
        if (notices.Length > 0 && wakeMail) WakeMail();
        return task;
    }

    private void WakeMail()
    {
        foreach (var listener in noticeListeners) listener.OnNoticesQueued();
    }
}
