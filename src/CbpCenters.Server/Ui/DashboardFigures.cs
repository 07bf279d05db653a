using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tasks;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Stores;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Ui;

public sealed record RoleLoad(string Role, int Unassigned, int Assigned);
public sealed record StaffLoad(string UserName, int Open, int Overdue);
public sealed record CenterLoad(string CenterCode, int Open, int Overdue, int Escalated);
public sealed record WeekThroughput(DateOnly WeekOf, int Completed);
public sealed record EscalationLine(DateTimeOffset At, Guid InstanceId, string? CenterCode, string? Message);

/// <summary>What a Center Director (their Center) or a DFO (the Centers reporting to them) watches.</summary>
public sealed record DashboardView(
    IReadOnlyList<string> Centers,
    IReadOnlyList<HumanTask> AwaitingMe,
    int Unassigned,
    int Assigned,
    IReadOnlyList<RoleLoad> ByRole,
    int OverdueCount,
    IReadOnlyList<HumanTask> Overdue,
    int AtRiskCount,
    IReadOnlyList<HumanTask> AtRisk,
    IReadOnlyList<StaffLoad> Workload,
    IReadOnlyList<WeekThroughput> Throughput,
    IReadOnlyList<CenterLoad> PerCenter,
    IReadOnlyList<EscalationLine> Escalations);

/// <summary>
/// The dashboard's figures, counted by the database over the open tasks of the person's Centers; only short
/// lists (the ten most overdue, the escalations) are brought back as rows.
/// </summary>
public sealed class DashboardFigures(ScopedWork work, TimeProvider clock, ICenterCalendar calendars)
{
    public const int Weeks = 8;
    private const int ListSize = 10;

    public Task<DashboardView> ForAsync(SignedInStaff staff, CancellationToken ct) => work.RunAsync(async sp =>
    {
        var db = sp.GetRequiredService<CbpCentersDbContext>();
        var now = clock.GetUtcNow();
        var centers = staff.Actor.VisibleCenters.Order().ToList();
        var open = new[] { HumanTaskStatus.Unassigned, HumanTaskStatus.Assigned };
        var tasks = db.Tasks.AsNoTracking().Where(t => open.Contains(t.Status) && centers.Contains(t.CenterCode));

        var byStatus = await tasks.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var roles = await (from t in tasks
                           join c in db.TaskCandidates on t.Id equals c.TaskId
                           where c.Kind == TaskCandidate.Role
                           group t by new { c.Value, t.Status } into g
                           select new { Role = g.Key.Value, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var overdue = tasks.Where(t => t.DueAt < now);
        var zone = calendars.TimeZoneOf(staff.Actor.CenterCode ?? centers.FirstOrDefault());
        var riskLine = calendars.Calendar.AddBusinessDays(now, RelativeDue.AtRiskBusinessDays, zone);
        var atRisk = tasks.Where(t => t.DueAt >= now && t.DueAt <= riskLine);
        var workload = await tasks.Where(t => t.Assignee != null).GroupBy(t => t.Assignee!)
            .Select(g => new StaffLoad(g.Key, g.Count(), g.Count(t => t.DueAt < now))).ToListAsync(ct);
        var perCenter = await tasks.GroupBy(t => t.CenterCode)
            .Select(g => new CenterLoad(g.Key, g.Count(), g.Count(t => t.DueAt < now), g.Count(t => t.EscalationLevel > 0))).ToListAsync(ct);

        var since = now.AddDays(-7 * Weeks);
        var completed = await db.Tasks.AsNoTracking()
            .Where(t => t.Status == HumanTaskStatus.Completed && centers.Contains(t.CenterCode) && t.CompletedAt >= since)
            .Select(t => t.CompletedAt!.Value).ToListAsync(ct);

        // A DFO receives the second escalation (level 2), a Center Director the first; EscalatedTo names them.
        var level = staff.IsDfo && !staff.IsCenterDirector ? 2 : 1;
        var awaiting = (await tasks.Where(t => t.EscalationLevel >= level).OrderBy(t => t.DueAt).ToListAsync(ct))
            .Where(t => t.EscalatedTo.Contains(staff.UserName)).ToList();
        var escalations = await (from j in db.Journal.AsNoTracking()
                                 join i in db.Instances.AsNoTracking() on j.InstanceId equals i.Id
                                 where j.Event == JournalEvents.TaskEscalated && i.CenterCode != null && centers.Contains(i.CenterCode)
                                 orderby j.At descending
                                 select new EscalationLine(j.At, j.InstanceId, i.CenterCode, j.Message)).Take(ListSize).ToListAsync(ct);

        return new DashboardView(
            centers, awaiting,
            byStatus.FirstOrDefault(s => s.Key == HumanTaskStatus.Unassigned)?.Count ?? 0,
            byStatus.FirstOrDefault(s => s.Key == HumanTaskStatus.Assigned)?.Count ?? 0,
            [.. roles.GroupBy(r => r.Role).Select(g => new RoleLoad(g.Key,
                g.Where(r => r.Status == HumanTaskStatus.Unassigned).Sum(r => r.Count), g.Where(r => r.Status == HumanTaskStatus.Assigned).Sum(r => r.Count)))
                .OrderByDescending(r => r.Unassigned + r.Assigned)],
            await overdue.CountAsync(ct), await overdue.OrderBy(t => t.DueAt).Take(ListSize).ToListAsync(ct),
            await atRisk.CountAsync(ct), await atRisk.OrderBy(t => t.DueAt).Take(ListSize).ToListAsync(ct),
            [.. workload.OrderByDescending(w => w.Open).ThenBy(w => w.UserName)],
            Throughput(completed, now),
            [.. perCenter.OrderBy(c => c.CenterCode)],
            escalations);
    });

    /// <summary>Completed tasks per week (weeks start on Monday, UTC), oldest first, empty weeks included.</summary>
    private static List<WeekThroughput> Throughput(IEnumerable<DateTimeOffset> completed, DateTimeOffset now)
    {
        static DateOnly Monday(DateTimeOffset at)
        {
            var day = DateOnly.FromDateTime(at.UtcDateTime);
            return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        }
        var counts = completed.GroupBy(Monday).ToDictionary(g => g.Key, g => g.Count());
        var thisWeek = Monday(now);
        return [.. Enumerable.Range(0, Weeks).Select(i => thisWeek.AddDays(-7 * (Weeks - 1 - i)))
            .Select(week => new WeekThroughput(week, counts.GetValueOrDefault(week)))];
    }
}
