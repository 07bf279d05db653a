using System.Text.Json.Nodes;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Stores;
using Microsoft.Extensions.Logging;

namespace CbpCenters.Engine.Runtime;

public sealed record StartWorkflow(
    string DefinitionId,
    JsonObject? Input = null,
    string? CorrelationId = null,
    int? Version = null,
    Guid? CaseId = null,
    string? CenterCode = null,
    string Actor = "system",
    Guid? InstanceId = null);

/// <summary>Starts, resumes, signals, retries and cancels instances; each call is one commit.</summary>
public sealed class WorkflowRuntime(
    IWorkflowStore store,
    IWorkflowDefinitionStore definitions,
    DefinitionCatalog catalog,
    WorkflowRunner runner,
    ICaseContextSource cases,
    IEnumerable<IWorkflowCommitListener> listeners,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<WorkflowRuntime> logger)
{
    private const int ConflictRetries = 5;

    public async Task<WorkflowInstance> StartAsync(StartWorkflow request, CancellationToken ct = default)
    {
        var stored = request.Version is { } version
            ? await definitions.FindAsync(request.DefinitionId, version, ct)
            : await definitions.FindPublishedAsync(request.DefinitionId, ct);
        if (stored is null || stored.Status == DefinitionStatus.Draft)
            throw new WorkflowNotFoundException(request.Version is null
                ? $"Workflow definition '{request.DefinitionId}' has no published version."
                : $"Workflow definition '{request.DefinitionId}' has no published version {request.Version}.");
        var graph = await catalog.GetAsync(definitions, stored.DefinitionId, stored.Version, ct);
        var definition = graph.Definition;
        // A Center process reads its case at every step; started without one it would fault at the first.
        if (definition.CaseKind is { } kind && request.CaseId is null)
            throw new WorkflowInputException("definitionId",
                $"'{definition.DefinitionId}' works on a {kind} case: file the case through the intake API (e.g. POST /api/v1/protests) and its workflow starts with it.");
        var input = request.Input ?? [];
        foreach (var declared in definition.Inputs)
        {
            if (input[declared.Name] is not { } value)
            {
                if (declared.Required)
                    throw new WorkflowInputException($"input.{declared.Name}", $"input '{declared.Name}' is required by {definition.DefinitionId}.");
            }
            else if (InputTypes.Mismatch(declared.Type, value) is { } mismatch)
                throw new WorkflowInputException($"input.{declared.Name}", $"input '{declared.Name}' {mismatch}.");
        }

        var now = clock.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = request.InstanceId ?? Guid.CreateVersion7(),
            DefinitionId = stored.DefinitionId,
            DefinitionVersion = stored.Version,
            DefinitionName = definition.Name,
            Status = WorkflowStatus.Running,
            CorrelationId = request.CorrelationId,
            CaseId = request.CaseId,
            CenterCode = request.CenterCode,
            CreatedAt = now,
            UpdatedAt = now,
            Input = input,
        };
        foreach (var variable in definition.Variables)
            instance.Variables[variable.Name] = variable.Default?.DeepClone();

        var execution = await ExecutionAsync(instance, graph, [], isNew: true, request.Actor, ct);
        execution.Journal(JournalEvents.InstanceStarted, message: $"{definition.Name} v{stored.Version}");
        execution.Enqueue(new WorkItem(graph.Start!.Id));
        await runner.RunAsync(execution);
        await CommitAsync(execution.Commit, ct);
        return instance;
    }

    /// <summary>
    /// Resumes one bookmark. When the instance moved on concurrently (another bookmark), the run is recomputed
    /// from fresh state; when this bookmark itself is gone, the caller lost the race and gets a conflict.
    /// </summary>
    public async Task<WorkflowInstance> ResumeAsync(Guid bookmarkId, JsonObject? input, string actor, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var bookmark = await store.FindBookmarkAsync(bookmarkId, ct)
                ?? throw new WorkflowConflictException("This step was already completed, timed out or cancelled.");
            var (instance, graph, open) = await LoadAsync(bookmark.InstanceId, ct);
            if (instance.IsEnded)
                throw new WorkflowConflictException($"The workflow instance is {instance.Status}.");
            var execution = await ExecutionAsync(instance, graph, open, isNew: false, actor, ct);
            execution.Enqueue(new WorkItem(bookmark.ActivityId) { Resume = bookmark, ResumeInput = input });
            await runner.RunAsync(execution);
            try
            {
                await CommitAsync(execution.Commit, ct);
                return instance;
            }
            catch (WorkflowConflictException) when (attempt < ConflictRetries)
            {
                logger.LogDebug("Instance {InstanceId} moved on while resuming {BookmarkId}; recomputing", instance.Id, bookmarkId);
            }
        }
    }

    public async Task<WorkflowInstance> SignalAsync(Guid instanceId, string signal, JsonObject? payload, string actor, CancellationToken ct = default)
    {
        var bookmarks = await store.GetBookmarksAsync(instanceId, ct);
        if (bookmarks.Count == 0 && await store.FindInstanceAsync(instanceId, ct) is null)
            throw new WorkflowNotFoundException($"Workflow instance {instanceId} does not exist.");
        var bookmark = bookmarks.Where(b => b.Kind == BookmarkKinds.Signal && b.Name == signal).MinBy(b => b.CreatedAt)
            ?? throw new WorkflowConflictException($"The instance is not waiting for signal '{signal}'.");
        return await ResumeAsync(bookmark.Id, payload, actor, ct);
    }

    /// <summary>Runs the faulted work again, from the faulted activity, once its cause is fixed.</summary>
    public async Task<WorkflowInstance> RetryAsync(Guid instanceId, string actor, CancellationToken ct = default)
    {
        var (instance, graph, open) = await LoadAsync(instanceId, ct);
        if (instance.Status != WorkflowStatus.Faulted)
            throw new WorkflowConflictException($"Only a faulted instance can be retried; this one is {instance.Status}.");
        var execution = await ExecutionAsync(instance, graph, open, isNew: false, actor, ct);
        var pending = instance.State.Pending;
        instance.State.Pending = [];
        instance.State.Incidents = [.. instance.State.Incidents.Select(i => i with { Resolved = true })];
        instance.Status = WorkflowStatus.Running;
        execution.Journal(JournalEvents.InstanceRetried, pending.FirstOrDefault()?.ActivityId);
        foreach (var item in pending) execution.Enqueue(item);
        await runner.RunAsync(execution);
        await CommitAsync(execution.Commit, ct);
        return instance;
    }

    public async Task<WorkflowInstance> CancelAsync(Guid instanceId, string actor, string? reason, CancellationToken ct = default)
    {
        var (instance, graph, open) = await LoadAsync(instanceId, ct);
        if (instance.IsEnded)
            throw new WorkflowConflictException($"The workflow instance is already {instance.Status}.");
        var execution = await ExecutionAsync(instance, graph, open, isNew: false, actor, ct);
        await runner.CancelAsync(execution, _ => true, reason ?? "instance cancelled");
        instance.State.Pending = [];
        instance.Status = WorkflowStatus.Cancelled;
        instance.FinishedAt = execution.Now;
        instance.UpdatedAt = execution.Now;
        execution.Journal(JournalEvents.InstanceCancelled, message: reason);
        await CommitAsync(execution.Commit, ct);
        return instance;
    }

    /// <summary>
    /// Records an incident found outside a run (e.g. a notice the mail server refused for good) and journals
    /// it, without changing what the instance is waiting for; staff see it on the instance and can act on it.
    /// </summary>
    public async Task RecordIncidentAsync(Guid instanceId, string activityId, string message, string @event, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (instance, graph, open) = await LoadAsync(instanceId, ct);
            var execution = await ExecutionAsync(instance, graph, open, isNew: false, "system", ct);
            var type = graph.Nodes.TryGetValue(activityId, out var node) ? node.Type : "";
            instance.State.Incidents.Add(new Incident(activityId, type, message, execution.Now));
            instance.UpdatedAt = execution.Now;
            execution.Journal(@event, activityId, type, message: message);
            try
            {
                await store.CommitAsync(execution.Commit, ct);
                return;
            }
            catch (WorkflowConflictException) when (attempt < ConflictRetries)
            {
            }
        }
    }

    private async Task<(WorkflowInstance, Definitions.WorkflowGraph, IReadOnlyList<Bookmark>)> LoadAsync(Guid instanceId, CancellationToken ct)
    {
        var instance = await store.FindInstanceAsync(instanceId, ct)
            ?? throw new WorkflowNotFoundException($"Workflow instance {instanceId} does not exist.");
        var graph = await catalog.GetAsync(definitions, instance.DefinitionId, instance.DefinitionVersion, ct);
        return (instance, graph, await store.GetBookmarksAsync(instanceId, ct));
    }

    private async Task<WorkflowExecution> ExecutionAsync(
        WorkflowInstance instance, Definitions.WorkflowGraph graph, IEnumerable<Bookmark> open, bool isNew, string actor, CancellationToken ct)
    {
        var caseData = instance.CaseId is { } caseId ? await cases.GetCaseAsync(caseId, ct) : null;
        return new WorkflowExecution(instance, graph, open, isNew, actor, services, clock, caseData);
    }

    private async Task CommitAsync(WorkflowCommit commit, CancellationToken ct)
    {
        await store.CommitAsync(commit, ct);
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnCommittedAsync(commit, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Commit listener {Listener} failed for instance {InstanceId}; the sweeper will catch up",
                    listener.GetType().Name, commit.Instance.Id);
            }
        }
    }
}
