using System.Text.Json.Nodes;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Engine.Tasks;

namespace CbpCenters.Server.Ui;

/// <summary>Everything the task page shows, read together once the person is known to be allowed to see the task.</summary>
public sealed record TaskFile(
    HumanTask Task,
    IReadOnlyList<TaskComment> Comments,
    IReadOnlyList<TaskEvent> History,
    WorkflowInstance? Instance,
    WorkflowDefinition? Definition,
    IReadOnlySet<string> WaitingActivities,
    IReadOnlyList<StaffProfile> Colleagues,
    TaskPermissions Can);

/// <summary>What the signed-in person may do to the task now; the service checks again on every action.</summary>
public sealed record TaskPermissions(bool Claim, bool Complete, bool Release, bool Delegate, bool Resolve, bool Assign);

/// <summary>The task page's reads and actions, each in its own scope, each checked by <see cref="TaskService"/>.</summary>
public sealed class TaskDesk(ScopedWork work)
{
    /// <exception cref="TaskForbiddenException">The task belongs to another Center or is not open to this person.</exception>
    /// <exception cref="TaskNotFoundException">No such task.</exception>
    public Task<TaskFile> LoadAsync(Guid taskId, TaskActor actor, CancellationToken ct) => work.RunAsync(async sp =>
    {
        var service = sp.GetRequiredService<TaskService>();
        var task = await service.GetAsync(taskId, actor, ct);
        var comments = await service.CommentsAsync(taskId, actor, ct);
        var history = await service.HistoryAsync(taskId, actor, ct);
        var store = sp.GetRequiredService<IWorkflowStore>();
        var instance = await store.FindInstanceAsync(task.InstanceId, ct);
        var waiting = instance is null ? [] : (await store.GetBookmarksAsync(instance.Id, ct)).Select(b => b.ActivityId).ToHashSet();
        WorkflowDefinition? definition = null;
        try
        {
            definition = (await sp.GetRequiredService<DefinitionCatalog>().GetAsync(
                sp.GetRequiredService<IWorkflowDefinitionStore>(), task.DefinitionId, task.DefinitionVersion, ct)).Definition;
        }
        catch (WorkflowNotFoundException)
        {
            // The diagram is left out; the task itself is still workable.
        }
        var colleagues = (await sp.GetRequiredService<IStaffDirectory>().InCenterAsync(task.CenterCode, ct))
            .Where(s => s.UserName != actor.UserName && TaskVisibility.IsEligible(task, s.AsViewer())).ToList();
        return new TaskFile(task, comments, history, instance, definition, waiting, colleagues, PermissionsOf(task, actor));
    });

    public static TaskPermissions PermissionsOf(HumanTask task, TaskActor actor)
    {
        var holds = task.IsOpen && task.Assignee == actor.UserName;
        var supervises = task.IsOpen && actor.Supervises(task);
        return new(
            Claim: task.Status == HumanTaskStatus.Unassigned && TaskVisibility.IsEligible(task, actor.Viewer),
            Complete: holds && !task.ExcludedUsers.Contains(actor.UserName),
            Release: task.Assignee is not null && ((holds && task.Owner is null) || supervises),
            Delegate: holds,
            Resolve: holds && task.Owner is not null,
            Assign: supervises);
    }

    public Task<HumanTask> ClaimAsync(Guid id, TaskActor actor) => Run(s => s.ClaimAsync(id, actor));
    public Task<HumanTask> ReleaseAsync(Guid id, TaskActor actor) => Run(s => s.ReleaseAsync(id, actor));
    public Task<HumanTask> ResolveAsync(Guid id, TaskActor actor) => Run(s => s.ResolveAsync(id, actor));
    public Task<HumanTask> DelegateAsync(Guid id, string to, TaskActor actor) => Run(s => s.DelegateAsync(id, to, actor));
    public Task<HumanTask> AssignAsync(Guid id, string to, TaskActor actor) => Run(s => s.AssignAsync(id, to, actor));
    public Task<TaskComment> CommentAsync(Guid id, string text, TaskActor actor) => Run(s => s.CommentAsync(id, text, actor));

    /// <exception cref="TaskValidationException">The form is not right; <c>Field</c> is <c>outcome</c> or <c>data.&lt;field&gt;</c>.</exception>
    public Task<HumanTask> CompleteAsync(Guid id, string outcome, JsonObject data, TaskActor actor) =>
        Run(s => s.CompleteAsync(id, outcome, data, actor));

    private Task<T> Run<T>(Func<TaskService, Task<T>> action) => work.RunAsync(sp => action(sp.GetRequiredService<TaskService>()));
}
