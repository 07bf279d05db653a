using System.Text.Json.Nodes;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Engine.Tasks;
using CbpCenters.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CbpCenters.Server.Endpoints;

public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tasks").WithTags("Tasks").RequireAuthorization(AppRoles.StaffOnly);
        api.MapGet("/", List).WithName("ListTasks")
            .WithSummary("The inbox: view=mine|unassigned|center|overdue|completed, filters, sort=due|priority|created, paging.");
        api.MapGet("/{id:guid}", Get).WithName("GetTask").WithSummary("A task with its form, comments and history.");
        api.MapPost("/{id:guid}/claim", Claim).WithName("ClaimTask").WithSummary("Takes an unassigned task; of two claimers one wins, the other gets 409.");
        api.MapPost("/{id:guid}/release", Release).WithName("ReleaseTask").WithSummary("Puts the task back in its Center's queue.");
        api.MapPost("/{id:guid}/assign", Assign).WithName("AssignTask").WithSummary("A supervisor gives the task to a named, eligible person.");
        api.MapPost("/{id:guid}/delegate", Delegate).WithName("DelegateTask").WithSummary("The assignee hands the task to a colleague and stays its owner.");
        api.MapPost("/{id:guid}/resolve", Resolve).WithName("ResolveTask").WithSummary("The delegate hands the task back to its owner.");
        api.MapPost("/{id:guid}/complete", Complete).WithName("CompleteTask")
            .WithSummary("Completes the task with an outcome and its form data; the workflow continues. A bad form is a 400 naming the field.");
        api.MapPost("/{id:guid}/comments", Comment).WithName("CommentTask").WithSummary("Adds a comment to the task.");
        api.MapPost("/bulk-reassign", BulkReassign).WithName("BulkReassignTasks")
            .WithSummary("Moves every open task of one person to another (e.g. when someone leaves).")
            .RequireAuthorization(AppRoles.OperateWorkflows);
        return app;
    }

    public sealed record UserRequest(string UserName);
    public sealed record CompleteRequest(string? Outcome, JsonObject? Data);
    public sealed record CommentRequest(string Text);
    public sealed record BulkReassignRequest(string FromUser, string ToUser);
    public sealed record BulkReassignResult(int Moved);
    public sealed record TaskDetail(HumanTask Task, IReadOnlyList<TaskComment> Comments, IReadOnlyList<TaskEvent> History, bool CanClaim, bool CanComplete);

    private static readonly Dictionary<string, TaskView> Views = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mine"] = TaskView.Mine, ["unassigned"] = TaskView.Unassigned, ["center"] = TaskView.Center,
        ["overdue"] = TaskView.Overdue, ["completed"] = TaskView.CompletedByMe, ["all"] = TaskView.All,
    };

    private static readonly Dictionary<string, TaskSort> Sorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["due"] = TaskSort.Due, ["priority"] = TaskSort.Priority, ["created"] = TaskSort.Created,
    };

    private static async Task<Ok<Page<HumanTask>>> List(
        HttpContext http, CurrentStaff staff, ITaskStore tasks, TimeProvider clock, CancellationToken ct,
        string? view = "mine", string? definitionId = null, int? minPriority = null, DateTimeOffset? dueFrom = null, DateTimeOffset? dueTo = null,
        string? caseReference = null, string? importer = null, Guid? caseId = null, string? sort = "due", bool desc = false,
        int page = 1, int pageSize = 50)
    {
        Paging.Check(page, pageSize);
        if (!Views.TryGetValue(view ?? "mine", out var taskView))
            throw new WorkflowInputException("view", $"view must be one of {string.Join(", ", Views.Keys)}.");
        if (!Sorts.TryGetValue(sort ?? "due", out var taskSort))
            throw new WorkflowInputException("sort", $"sort must be one of {string.Join(", ", Sorts.Keys)}.");
        if (minPriority is < 0 or > 100) throw new WorkflowInputException("minPriority", "minPriority must be between 0 and 100.");
        if (dueFrom > dueTo) throw new WorkflowInputException("dueTo", "dueTo must not be before dueFrom.");
        var actor = await staff.ActorAsync(http.User, ct);
        return TypedResults.Ok(await tasks.QueryAsync(new TaskQuery(actor.Viewer, taskView, definitionId, minPriority, dueFrom, dueTo,
            caseReference, importer, caseId, Sort: taskSort, Descending: desc, Page: page, PageSize: pageSize, Now: clock.GetUtcNow()), ct));
    }

    private static async Task<Ok<TaskDetail>> Get(Guid id, HttpContext http, CurrentStaff staff, TaskService service, CancellationToken ct)
    {
        var actor = await staff.ActorAsync(http.User, ct);
        var task = await service.GetAsync(id, actor, ct);
        var eligible = TaskVisibility.IsEligible(task, actor.Viewer);
        return TypedResults.Ok(new TaskDetail(task, await service.CommentsAsync(id, actor, ct), await service.HistoryAsync(id, actor, ct),
            CanClaim: task.Status == HumanTaskStatus.Unassigned && eligible,
            CanComplete: task.Status == HumanTaskStatus.Assigned && task.Assignee == actor.UserName && !task.ExcludedUsers.Contains(actor.UserName)));
    }

    private static async Task<Ok<HumanTask>> Claim(Guid id, HttpContext http, CurrentStaff staff, TaskService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ClaimAsync(id, await staff.ActorAsync(http.User, ct), ct));

    private static async Task<Ok<HumanTask>> Release(Guid id, HttpContext http, CurrentStaff staff, TaskService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ReleaseAsync(id, await staff.ActorAsync(http.User, ct), ct));

    private static async Task<Ok<HumanTask>> Assign(Guid id, UserRequest request, HttpContext http, CurrentStaff staff, TaskService service, CancellationToken ct) =>
        TypedResults.Ok(await service.AssignAsync(id, Required(request.UserName, "userName"), await staff.ActorAsync(http.User, ct), ct));

    private static async Task<Ok<HumanTask>> Delegate(Guid id, UserRequest request, HttpContext http, CurrentStaff staff, TaskService service, CancellationToken ct) =>
        TypedResults.Ok(await service.DelegateAsync(id, Required(request.UserName, "userName"), await staff.ActorAsync(http.User, ct), ct));

    private static async Task<Ok<HumanTask>> Resolve(Guid id, HttpContext http, CurrentStaff staff, TaskService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ResolveAsync(id, await staff.ActorAsync(http.User, ct), ct));

    private static async Task<Ok<HumanTask>> Complete(Guid id, CompleteRequest request, HttpContext http, CurrentStaff staff, TaskService service, CancellationToken ct) =>
        TypedResults.Ok(await service.CompleteAsync(id, request.Outcome, request.Data, await staff.ActorAsync(http.User, ct), ct));

    private static async Task<Ok<TaskComment>> Comment(Guid id, CommentRequest request, HttpContext http, CurrentStaff staff, TaskService service, CancellationToken ct) =>
        TypedResults.Ok(await service.CommentAsync(id, Required(request.Text, "text"), await staff.ActorAsync(http.User, ct), ct));

    private static async Task<Ok<BulkReassignResult>> BulkReassign(BulkReassignRequest request, HttpContext http, CurrentStaff staff, TaskService service, CancellationToken ct) =>
        TypedResults.Ok(new BulkReassignResult(await service.BulkReassignAsync(
            Required(request.FromUser, "fromUser"), Required(request.ToUser, "toUser"), await staff.ActorAsync(http.User, ct), ct)));

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new WorkflowInputException(field, $"{field} is required.") : value.Trim();
}
