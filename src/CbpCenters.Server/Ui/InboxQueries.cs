using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Engine.Tasks;

namespace CbpCenters.Server.Ui;

/// <summary>The inbox's reads and the claim from the list, each in its own scope.</summary>
public sealed class InboxQueries(ScopedWork work, TimeProvider clock, ICenterCalendar calendars)
{
    public Task<Page<HumanTask>> FindAsync(TaskActor actor, InboxFilter filter, int page, int pageSize, CancellationToken ct) =>
        work.RunAsync(sp => sp.GetRequiredService<ITaskStore>().QueryAsync(
            filter.ToQuery(actor.Viewer, calendars.TimeZoneOf(actor.CenterCode), page, pageSize, clock.GetUtcNow()), ct));

    public Task<HumanTask> ClaimAsync(Guid taskId, TaskActor actor) =>
        work.RunAsync(sp => sp.GetRequiredService<TaskService>().ClaimAsync(taskId, actor));

    /// <summary>The processes a person can filter by: every definition's latest name.</summary>
    public Task<IReadOnlyList<StoredDefinition>> ProcessesAsync(CancellationToken ct) =>
        work.RunAsync(sp => sp.GetRequiredService<IWorkflowDefinitionStore>().ListLatestAsync(ct));

    /// <summary>An instant as the task's Center reads it, e.g. "2026-03-04 17:00 (America/Los_Angeles)".</summary>
    public string When(DateTimeOffset instant, string? centerCode)
    {
        var zone = calendars.TimeZoneOf(centerCode);
        return $"{TimeZoneInfo.ConvertTime(instant, zone):yyyy-MM-dd HH:mm} ({zone.Id})";
    }

    public DueWording Due(HumanTask task) =>
        RelativeDue.Describe(task.DueAt, clock.GetUtcNow(), calendars.TimeZoneOf(task.CenterCode), calendars.Calendar);
}
