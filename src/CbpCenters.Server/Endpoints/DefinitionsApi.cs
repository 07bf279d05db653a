using System.Text.Json.Nodes;
using CbpCenters.Engine.Activities;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CbpCenters.Server.Endpoints;

public static class DefinitionsApi
{
    public static IEndpointRouteBuilder MapDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/workflow-definitions").WithTags("Workflow definitions").RequireAuthorization();
        api.MapGet("/", List).WithName("ListDefinitions").WithSummary("The latest version of every workflow definition.");
        api.MapGet("/{definitionId}", Get).WithName("GetDefinition")
            .WithSummary("A definition: the latest version, ?version=N, or ?published=true.");
        api.MapGet("/{definitionId}/versions", Versions).WithName("ListDefinitionVersions").WithSummary("Every version of a definition, newest first.");
        api.MapPost("/", Create).WithName("CreateDefinition").WithSummary("Creates a new definition as a draft (version 1).")
            .RequireAuthorization(AppRoles.DesignWorkflows);
        api.MapPut("/{definitionId}/draft", SaveDraft).WithName("SaveDraft")
            .WithSummary("Saves the draft: edits the latest version if it is a draft, otherwise opens a new draft version.")
            .RequireAuthorization(AppRoles.DesignWorkflows);
        api.MapPost("/{definitionId}/publish", Publish).WithName("PublishDefinition")
            .WithSummary("Validates and publishes the latest draft; running instances keep their version.")
            .RequireAuthorization(AppRoles.DesignWorkflows);
        api.MapPost("/validate", Validate).WithName("ValidateDefinition").WithSummary("Checks a definition without saving it.");
        app.MapGet("/api/v1/activity-types", ActivityTypes).WithTags("Workflow definitions").RequireAuthorization()
            .WithName("ListActivityTypes").WithSummary("Activity types with their properties and outcomes, as the designer shows them.");
        return app;
    }

    public sealed record DefinitionSummary(string DefinitionId, string Name, int LatestVersion, string Status, DateTimeOffset UpdatedAt);

    public sealed record DefinitionDto(
        string DefinitionId, int Version, string Name, string? Description, string Status,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, string? CreatedBy,
        int ConcurrencyVersion, JsonNode Definition, IReadOnlyList<DefinitionError> Errors);

    private static async Task<Ok<List<DefinitionSummary>>> List(IWorkflowDefinitionStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListLatestAsync(ct))
            .Select(d => new DefinitionSummary(d.DefinitionId, d.Name, d.Version, d.Status.ToString(), d.UpdatedAt)).ToList());

    private static async Task<Results<Ok<DefinitionDto>, NotFound>> Get(
        string definitionId, int? version, bool? published, IWorkflowDefinitionStore store, DefinitionService definitions, CancellationToken ct)
    {
        var stored = version is { } v ? await store.FindAsync(definitionId, v, ct)
            : published == true ? await store.FindPublishedAsync(definitionId, ct)
            : await store.FindLatestAsync(definitionId, ct);
        return stored is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(stored, definitions));
    }

    private static async Task<Results<Ok<List<DefinitionDto>>, NotFound>> Versions(
        string definitionId, IWorkflowDefinitionStore store, DefinitionService definitions, CancellationToken ct)
    {
        var versions = await store.ListVersionsAsync(definitionId, ct);
        return versions.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(versions.Select(d => ToDto(d, definitions)).ToList());
    }

    private static async Task<Results<Created<DefinitionDto>, Conflict<string>>> Create(
        JsonObject body, IWorkflowDefinitionStore store, DefinitionService definitions, HttpContext http, CancellationToken ct)
    {
        var definition = DefinitionJson.Parse(body.ToJsonString());
        if (await store.FindLatestAsync(definition.DefinitionId, ct) is not null)
            throw new WorkflowConflictException($"A definition with id '{definition.DefinitionId}' already exists; save a draft of it instead.");
        var saved = await definitions.SaveDraftAsync(definition, http.User.Identity!.Name!, null, ct);
        return TypedResults.Created($"/api/v1/workflow-definitions/{saved.DefinitionId}?version={saved.Version}", ToDto(saved, definitions));
    }

    private static async Task<Ok<DefinitionDto>> SaveDraft(
        string definitionId, JsonObject body, int? expectedVersion, DefinitionService definitions, HttpContext http, CancellationToken ct)
    {
        var definition = DefinitionJson.Parse(body.ToJsonString());
        if (definition.DefinitionId != definitionId)
            throw new WorkflowInputException("definitionId", $"The body's definitionId '{definition.DefinitionId}' does not match the URL's '{definitionId}'.");
        return TypedResults.Ok(ToDto(await definitions.SaveDraftAsync(definition, http.User.Identity!.Name!, expectedVersion, ct), definitions));
    }

    private static async Task<Ok<DefinitionDto>> Publish(string definitionId, DefinitionService definitions, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await definitions.PublishAsync(definitionId, http.User.Identity!.Name!, ct), definitions));

    private static Ok<IReadOnlyList<DefinitionError>> Validate(JsonObject body, DefinitionService definitions) =>
        TypedResults.Ok(definitions.Validate(DefinitionJson.Parse(body.ToJsonString())));

    private static Ok<List<ActivityDescriptor>> ActivityTypes(ActivityRegistry registry) =>
        TypedResults.Ok(registry.All.Select(a => a.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.Type).ToList());

    private static DefinitionDto ToDto(StoredDefinition d, DefinitionService definitions)
    {
        var errors = d.Status == DefinitionStatus.Draft ? definitions.Validate(DefinitionJson.Parse(d.Json)) : [];
        return new(d.DefinitionId, d.Version, d.Name, d.Description, d.Status.ToString(), d.CreatedAt, d.UpdatedAt,
            d.PublishedAt, d.CreatedBy, d.ConcurrencyVersion, JsonNode.Parse(d.Json)!, errors);
    }
}
