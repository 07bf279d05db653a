using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tasks;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Identity;
using CbpCenters.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Staff;

/// <summary>
/// A person who moves to another Center, is deactivated or loses the role of a post they hold leaves no work
/// stranded: no open task in their hands, no Center without its Director or DFO. One rule for the API and the
/// admin pages; it runs before anything is saved.
/// </summary>
public sealed class StrandedWork(CbpCentersDbContext db)
{
    /// <param name="user">The account with the change applied, not yet saved.</param>
    /// <param name="fromCenter">Their Center before the change.</param>
    /// <param name="wasActive">Whether the account was active before the change.</param>
    /// <param name="roles">Their roles after the change, or null when the roles do not change.</param>
    /// <exception cref="WorkflowInputException">Work would be stranded; names the field of the change.</exception>
    public async Task RefuseAsync(StaffUser user, string? fromCenter, bool wasActive, IReadOnlyCollection<string>? roles, CancellationToken ct)
    {
        var moving = fromCenter is not null && user.CenterCode != fromCenter;
        var leaving = wasActive && !user.Active;
        var field = moving ? "centerCode" : leaving ? "active" : "roles";
        if (moving || leaving)
        {
            var held = await db.Tasks.CountAsync(t => t.Assignee == user.UserName
                && (t.Status == HumanTaskStatus.Assigned || t.Status == HumanTaskStatus.Unassigned), ct);
            if (held > 0)
                throw new WorkflowInputException(field,
                    $"{user.UserName} holds {held} open task(s) at {fromCenter ?? "their Center"}; hand them over first (bulk reassign, or out of office with hand-over).");
        }
        var posts = await db.Centers.Where(c => c.DirectorUserName == user.UserName || c.DfoUserName == user.UserName)
            .Select(c => new { c.Code, Directs = c.DirectorUserName == user.UserName }).ToListAsync(ct);
        var directs = posts.Where(p => p.Directs).Select(p => p.Code).ToList();
        if (directs.Count > 0 && (moving || leaving || roles?.Contains(AppRoles.CenterDirector) == false))
            throw new WorkflowInputException(field, $"{user.UserName} directs {string.Join(", ", directs)}; name another Center Director first.");
        var oversees = posts.Where(p => !p.Directs).Select(p => p.Code).ToList();
        if (oversees.Count > 0 && (leaving || roles?.Contains(AppRoles.Dfo) == false))
            throw new WorkflowInputException(field, $"{user.UserName} is the DFO of {string.Join(", ", oversees)}; name another DFO first.");
    }
}
