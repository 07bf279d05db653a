using System.Security.Claims;
using CbpCenters.Engine.Tasks;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Identity;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Auth;

/// <summary>
/// The signed-in person as the task rules see them. Staff and Center Directors see their own Center, a DFO
/// the Centers that report to them, an administrator every Center.
/// </summary>
public sealed class CurrentStaff(CbpCentersDbContext db)
{
    private TaskActor? _actor;

    public async Task<TaskActor> ActorAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (_actor is not null) return _actor;
        var name = principal.Identity?.Name ?? throw new TaskForbiddenException("Sign in first.");
        var normalized = name.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized && u.Active, ct)
            ?? throw new TaskForbiddenException($"{name} is not an active staff account.");
        return _actor = new TaskActor(user.UserName!, user.CenterCode, user.Positions,
            user.Pool == "Matrix" ? CandidatePool.Matrix : CandidatePool.Core,
            IsSupervisor(principal), await VisibleCentersAsync(user, principal, ct));
    }

    public static bool IsSupervisor(ClaimsPrincipal principal) =>
        principal.IsInRole(AppRoles.Supervisor) || principal.IsInRole(AppRoles.CenterDirector)
        || principal.IsInRole(AppRoles.Dfo) || principal.IsInRole(AppRoles.Admin);

    private async Task<IReadOnlyCollection<string>> VisibleCentersAsync(StaffUser user, ClaimsPrincipal principal, CancellationToken ct)
    {
        if (principal.IsInRole(AppRoles.Admin))
            return await db.Centers.AsNoTracking().Select(c => c.Code).ToListAsync(ct);
        var centers = new HashSet<string>();
        if (user.CenterCode is not null) centers.Add(user.CenterCode);
        if (principal.IsInRole(AppRoles.Dfo))
            centers.UnionWith(await db.Centers.AsNoTracking().Where(c => c.DfoUserName == user.UserName).Select(c => c.Code).ToListAsync(ct));
        if (principal.IsInRole(AppRoles.CenterDirector))
            centers.UnionWith(await db.Centers.AsNoTracking().Where(c => c.DirectorUserName == user.UserName).Select(c => c.Code).ToListAsync(ct));
        return centers;
    }
}
