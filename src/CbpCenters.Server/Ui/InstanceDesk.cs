using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Engine.Tasks;
using CbpCenters.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Ui;

public sealed record InstanceFile(
    WorkflowInstance Instance, IReadOnlyList<Bookmark> Bookmarks, IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<HumanTask> Tasks, WorkflowDefinition? Definition);

/// <summary>Instances of the person's Centers, one instance's journal, incidents and tasks, and the supervisors' retry and cancel.</summary>
public sealed class InstanceDesk(ScopedWork work)
{
    public Task<Page<WorkflowInstance>> ListAsync(SignedInStaff staff, string? definitionId, WorkflowStatus? status, int page, int pageSize, CancellationToken ct) =>
        work.RunAsync(async sp =>
        {
            var q = sp.GetRequiredService<CbpCentersDbContext>().Instances.AsNoTracking();
            if (!staff.IsAdmin)
            {
                var centers = staff.Actor.VisibleCenters.ToList();
                q = q.Where(i => i.CenterCode != null && centers.Contains(i.CenterCode));
            }
            if (!string.IsNullOrEmpty(definitionId)) q = q.Where(i => i.DefinitionId == definitionId);
            if (status is not null) q = q.Where(i => i.Status == status);
            var total = await q.CountAsync(ct);
            var items = await q.OrderByDescending(i => i.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
            return new Page<WorkflowInstance>(items, total, page, pageSize);
        });

    /// <exception cref="TaskForbiddenException">The instance belongs to a Center the person does not see.</exception>
    public Task<InstanceFile> LoadAsync(Guid id, SignedInStaff staff, CancellationToken ct) => work.RunAsync(async sp =>
    {
        var store = sp.GetRequiredService<IWorkflowStore>();
        var instance = await store.FindInstanceAsync(id, ct) ?? throw new WorkflowNotFoundException($"Workflow instance {id} does not exist.");
        if (!staff.Sees(instance.CenterCode))
            throw new TaskForbiddenException(instance.CenterCode is null
                ? "This instance belongs to no Center; only administrators can open it."
                : $"This instance belongs to the {instance.CenterCode} Center; it is not open to {staff.UserName}.");
        var tasks = await sp.GetRequiredService<CbpCentersDbContext>().Tasks.AsNoTracking()
            .Where(t => t.InstanceId == id).OrderBy(t => t.CreatedAt).ToListAsync(ct);
        WorkflowDefinition? definition = null;
        try
        {
            definition = (await sp.GetRequiredService<DefinitionCatalog>().GetAsync(
                sp.GetRequiredService<IWorkflowDefinitionStore>(), instance.DefinitionId, instance.DefinitionVersion, ct)).Definition;
        }
        catch (WorkflowNotFoundException)
        {
            // Shown without its diagram.
        }
        return new InstanceFile(instance, await store.GetBookmarksAsync(id, ct), await store.GetJournalAsync(id, ct), tasks, definition);
    });

    public Task RetryAsync(Guid id, SignedInStaff staff) => Operate(id, staff, (runtime, actor) => runtime.RetryAsync(id, actor));

    public Task CancelAsync(Guid id, string reason, SignedInStaff staff) => Operate(id, staff, (runtime, actor) => runtime.CancelAsync(id, actor, reason));

    /// <summary>Retry and cancel are for supervisors of the instance's Center, checked here as well as on the page.</summary>
    private Task Operate(Guid id, SignedInStaff staff, Func<WorkflowRuntime, string, Task> action) => work.RunAsync(async sp =>
    {
        var instance = await sp.GetRequiredService<IWorkflowStore>().FindInstanceAsync(id, default)
            ?? throw new WorkflowNotFoundException($"Workflow instance {id} does not exist.");
        if (!staff.IsSupervisor || !staff.Sees(instance.CenterCode))
            throw new TaskForbiddenException("Only a supervisor of the instance's Center can retry or cancel it.");
        await action(sp.GetRequiredService<WorkflowRuntime>(), staff.UserName);
    });

    public Task<IReadOnlyList<StoredDefinition>> DefinitionsAsync(CancellationToken ct) =>
        work.RunAsync(sp => sp.GetRequiredService<IWorkflowDefinitionStore>().ListLatestAsync(ct));

    public Task<IReadOnlyList<StoredDefinition>> VersionsAsync(string definitionId, CancellationToken ct) =>
        work.RunAsync(sp => sp.GetRequiredService<IWorkflowDefinitionStore>().ListVersionsAsync(definitionId, ct));
}
