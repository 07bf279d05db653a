using System.Security.Claims;
using CbpCenters.Engine.Tasks;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Cases;
using CbpCenters.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Cases;

/// <summary>
/// Who may see a case: staff see their Centers' cases (a Long Beach specialist never a New York one), DFOs the
/// Centers reporting to them, administrators and the intake integration every case.
/// </summary>
public sealed class CaseAccess(CbpCentersDbContext db, CurrentStaff staff)
{
    public async Task<IQueryable<CaseRecord>> VisibleAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var cases = db.Cases.AsNoTracking();
        if (user.IsInRole(AppRoles.Admin) || user.IsInRole(AppRoles.Integration)) return cases;
        var centers = (await staff.ActorAsync(user, ct)).VisibleCenters.ToList();
        return cases.Where(c => c.CenterCode != null && centers.Contains(c.CenterCode));
    }

    public async Task<CaseRecord> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var record = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new Engine.Runtime.WorkflowNotFoundException($"Case {id} does not exist.");
        if (user.IsInRole(AppRoles.Admin) || user.IsInRole(AppRoles.Integration)) return record;
        var actor = await staff.ActorAsync(user, ct);
        if (record.CenterCode is null || !actor.VisibleCenters.Contains(record.CenterCode))
            throw new TaskForbiddenException($"Case {record.Reference} belongs to {(record.CenterCode is null ? "the port of entry" : $"the {record.CenterCode} Center")}; it is not open to {actor.UserName}.");
        return record;
    }
}
