using System.Text.Json;
using System.Text.Json.Nodes;
using CbpCenters.Domain.Centers;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CbpCenters.Server.Endpoints;

public static class InstancesApi
{
    public static IEndpointRouteBuilder MapInstancesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/workflow-instances").WithTags("Workflow instances").RequireAuthorization();
        api.MapPost("/", Start).WithName("StartInstance").WithSummary("Starts the published version of a definition with input.")
            .RequireAuthorization(AppRoles.StartWorkflows);
        api.MapGet("/", List).WithName("ListInstances").WithSummary("Instances, newest first, filtered by status, definition or correlation id.");
        api.MapGet("/{id:guid}", Get).WithName("GetInstance").WithSummary("An instance with its variables, open bookmarks and incidents.");
        api.MapGet("/{id:guid}/journal", Journal).WithName("GetJournal").WithSummary("The audit trail of an instance, in order.");
        api.MapPost("/{id:guid}/signals/{name}", Signal).WithName("SignalInstance")
            .WithSummary("Delivers a named signal (with an optional JSON payload) to the instance waiting for it.")
            .RequireAuthorization(AppRoles.StartWorkflows);
        api.MapPost("/{id:guid}/retry", Retry).WithName("RetryInstance").WithSummary("Runs a faulted instance again from the faulted activity.")
            .RequireAuthorization(AppRoles.OperateWorkflows);
        api.MapPost("/{id:guid}/cancel", Cancel).WithName("CancelInstance").WithSummary("Cancels an instance and its open tasks and timers.")
            .AddOpenApiOperationTransformer(async (operation, context, ct) => operation.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Description = "Optional: why the instance is cancelled. An empty POST cancels without a reason.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(CancelRequest), null, ct) },
                },
            })
            .RequireAuthorization(AppRoles.OperateWorkflows);
        return app;
    }

    public sealed record StartRequest(string DefinitionId, JsonObject? Input, string? CorrelationId, int? Version, string? CenterCode);
    public sealed record CancelRequest(string? Reason);
    public sealed record BookmarkDto(Guid Id, string ActivityId, string Kind, string? Name, DateTimeOffset? DueAt);

    public sealed record InstanceDto(
        Guid Id, string DefinitionId, int DefinitionVersion, string DefinitionName, string Status, string? CorrelationId,
        Guid? CaseId, string? CenterCode, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt,
        JsonObject Input, JsonObject Variables, IReadOnlyList<Incident> Incidents, IReadOnlyList<BookmarkDto> Bookmarks);

    public sealed record InstanceSummary(
        Guid Id, string DefinitionId, int DefinitionVersion, string DefinitionName, string Status, string? CorrelationId,
        string? CenterCode, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    private static async Task<Created<InstanceDto>> Start(StartRequest request, WorkflowRuntime runtime, IWorkflowStore store, CenterScope scope, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionId))
            throw new WorkflowInputException("definitionId", "definitionId is required.");
        // Stored in its canonical form (ELE, not ele): Center scoping and routing compare codes exactly.
        var center = request.CenterCode is { } code
            ? CenterCatalog.Find(code)?.Code ?? throw new WorkflowInputException("centerCode", $"'{code}' is not a Center code (e.g. PHC, ELE).")
            : null;
        await scope.EnsureAsync(http.User, center, "workflow", ct);
        var instance = await runtime.StartAsync(new StartWorkflow(
            request.DefinitionId, request.Input, request.CorrelationId, request.Version, CenterCode: center,
            Actor: http.User.Identity!.Name!), ct);
        return TypedResults.Created($"/api/v1/workflow-instances/{instance.Id}", await ToDtoAsync(instance, store, ct));
    }

    private static async Task<Ok<Page<InstanceSummary>>> List(
        IWorkflowStore store, CenterScope scope, HttpContext http, string? definitionId, WorkflowStatus? status, string? correlationId, Guid? caseId,
        CancellationToken ct, int page = 1, int pageSize = 50)
    {
        Paging.Check(page, pageSize);
        Paging.Known(status, "status");
        var centers = await scope.CentersAsync(http.User, ct);
        var result = await store.ListInstancesAsync(new InstanceQuery(definitionId, status, correlationId, caseId, Centers: centers, Page: page, PageSize: pageSize), ct);
        return TypedResults.Ok(new Page<InstanceSummary>(
            [.. result.Items.Select(i => new InstanceSummary(i.Id, i.DefinitionId, i.DefinitionVersion, i.DefinitionName, i.Status.ToString(),
                i.CorrelationId, i.CenterCode, i.CreatedAt, i.UpdatedAt))],
            result.Total, result.PageNumber, result.PageSize));
    }

    private static async Task<Ok<InstanceDto>> Get(Guid id, IWorkflowStore store, CenterScope scope, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await ToDtoAsync(await VisibleAsync(id, store, scope, http, ct), store, ct));

    private static async Task<Ok<IReadOnlyList<JournalEntry>>> Journal(Guid id, IWorkflowStore store, CenterScope scope, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await store.GetJournalAsync((await VisibleAsync(id, store, scope, http, ct)).Id, ct));

    /// <summary>The instance, if it belongs to one of the caller's Centers.</summary>
    private static async Task<WorkflowInstance> VisibleAsync(Guid id, IWorkflowStore store, CenterScope scope, HttpContext http, CancellationToken ct)
    {
        var instance = await store.FindInstanceAsync(id, ct) ?? throw new WorkflowNotFoundException($"Workflow instance {id} does not exist.");
        await scope.EnsureAsync(http.User, instance.CenterCode, "workflow instance", ct);
        return instance;
    }

    private static async Task<Ok<InstanceDto>> Signal(Guid id, string name, HttpRequest request, WorkflowRuntime runtime, IWorkflowStore store, CenterScope scope, CancellationToken ct)
    {
        await VisibleAsync(id, store, scope, request.HttpContext, ct);
        var payload = await OptionalObjectAsync(request, "payload", "The signal payload", "{\"text\": \"...\"}", ct);
        var instance = await runtime.SignalAsync(id, name, payload, request.HttpContext.User.Identity!.Name!, ct);
        return TypedResults.Ok(await ToDtoAsync(instance, store, ct));
    }

    /// <summary>
    /// A body the caller may leave out, read here rather than bound: an endpoint that declares a JSON body is set aside
    /// by the router when a request has no Content-Type, so an empty POST would get 415 although nothing was required.
    /// </summary>
    private static async Task<JsonObject?> OptionalObjectAsync(HttpRequest request, string field, string what, string example, CancellationToken ct)
    {
        if (request.ContentLength is not > 0 && request.Headers.TransferEncoding.Count == 0) return null;
        // A body without a Content-Type is read as JSON; one that says it is something else is not.
        if (request.ContentType is not null && !request.HasJsonContentType())
            throw new BadHttpRequestException("The body must be JSON.", StatusCodes.Status415UnsupportedMediaType);
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            throw new WorkflowInputException(field, $"{what} is not valid JSON; send a JSON object, e.g. {example}.");
        }
        return body as JsonObject ?? throw new WorkflowInputException(field, $"{what} must be a JSON object.");
    }

    private static async Task<Ok<InstanceDto>> Retry(Guid id, WorkflowRuntime runtime, IWorkflowStore store, CenterScope scope, HttpContext http, CancellationToken ct)
    {
        await VisibleAsync(id, store, scope, http, ct);
        return TypedResults.Ok(await ToDtoAsync(await runtime.RetryAsync(id, http.User.Identity!.Name!, ct), store, ct));
    }

    private static async Task<Ok<InstanceDto>> Cancel(Guid id, HttpRequest request, WorkflowRuntime runtime, IWorkflowStore store, CenterScope scope, CancellationToken ct)
    {
        var http = request.HttpContext;
        await VisibleAsync(id, store, scope, http, ct);
        var body = await OptionalObjectAsync(request, "body", "The request body", "{\"reason\": \"Filed twice.\"}", ct);
        CancelRequest? cancel;
        try
        {
            cancel = body?.Deserialize<CancelRequest>(JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            throw new WorkflowInputException("reason", "reason must be a string.");
        }
        return TypedResults.Ok(await ToDtoAsync(await runtime.CancelAsync(id, http.User.Identity!.Name!, cancel?.Reason, ct), store, ct));
    }

    private static async Task<InstanceDto> ToDtoAsync(WorkflowInstance i, IWorkflowStore store, CancellationToken ct)
    {
        var bookmarks = await store.GetBookmarksAsync(i.Id, ct);
        return new(i.Id, i.DefinitionId, i.DefinitionVersion, i.DefinitionName, i.Status.ToString(), i.CorrelationId, i.CaseId, i.CenterCode,
            i.CreatedAt, i.UpdatedAt, i.FinishedAt, i.Input, i.Variables, i.State.Incidents,
            [.. bookmarks.OrderBy(b => b.CreatedAt).Select(b => new BookmarkDto(b.Id, b.ActivityId, b.Kind, b.Name, b.DueAt))]);
    }
}
