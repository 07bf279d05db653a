using CbpCenters.Domain.Centers;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tasks;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Identity;
using CbpCenters.Persistence.Organisation;
using CbpCenters.Server.Auth;
using CbpCenters.Server.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Ui;

public sealed record StaffLine(string UserName, string DisplayName, string? CenterCode, IReadOnlyList<string> Positions, string Pool,
    bool OutOfOffice, string? Substitute, bool Active, IReadOnlyList<string> Roles, int OpenTasks);

/// <summary>
/// Staff and roles, out-of-office and substitutes, bulk reassignment and the Centers' directors. Administrators
/// change roles and Centers; supervisors see their Centers' staff, set their out-of-office and move their tasks.
/// </summary>
public sealed class StaffAdministration(ScopedWork work)
{
    public Task<List<StaffLine>> StaffAsync(SignedInStaff staff, CancellationToken ct) => work.RunAsync(async sp =>
    {
        var db = sp.GetRequiredService<CbpCentersDbContext>();
        var centers = staff.Actor.VisibleCenters.ToList();
        var users = db.Users.AsNoTracking();
        if (!staff.IsAdmin) users = users.Where(u => u.CenterCode != null && centers.Contains(u.CenterCode));
        var people = await users.OrderBy(u => u.CenterCode).ThenBy(u => u.UserName).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var open = new[] { HumanTaskStatus.Unassigned, HumanTaskStatus.Assigned };
        var load = await db.Tasks.AsNoTracking().Where(t => open.Contains(t.Status) && t.Assignee != null)
            .GroupBy(t => t.Assignee!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return people.Select(u => new StaffLine(u.UserName!, u.DisplayName, u.CenterCode, u.Positions, u.Pool, u.OutOfOffice, u.Substitute, u.Active,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order()], load.GetValueOrDefault(u.UserName!))).ToList();
    });

    /// <summary>Sets a person's roles (administrators only).</summary>
    public Task SetRolesAsync(SignedInStaff staff, string userName, IReadOnlyCollection<string> wanted) => work.RunAsync(async sp =>
    {
        if (!staff.IsAdmin) throw new TaskForbiddenException("Only an administrator can change roles.");
        if (wanted.FirstOrDefault(r => !AppRoles.All.Contains(r)) is { } unknown)
            throw new WorkflowInputException("roles", $"'{unknown}' is not a role; use {string.Join(", ", AppRoles.All)}.");
        OwnAccount.KeepAccess(userName == staff.UserName, active: null, wanted);
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new WorkflowNotFoundException($"{userName} is not a staff account.");
        await sp.GetRequiredService<StrandedWork>().RefuseAsync(user, user.CenterCode, user.Active, wanted, default);
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
        Check(await users.AddToRolesAsync(user, wanted.Except(current)));
    });

    /// <summary>Marks a person out of office (new tasks go to their substitute, and with handOver their held tasks too).</summary>
    public Task<int> SetOutOfOfficeAsync(SignedInStaff staff, string userName, bool outOfOffice, string? substitute, bool handOver) =>
        work.RunAsync(async sp => (await sp.GetRequiredService<OutOfOffice>().SetAsync(staff.Actor, staff.IsAdmin, userName, outOfOffice, substitute, handOver, default)).TasksHandedOver);

    public Task<int> BulkReassignAsync(SignedInStaff staff, string fromUser, string toUser) =>
        work.RunAsync(sp => sp.GetRequiredService<TaskService>().BulkReassignAsync(fromUser, toUser, staff.Actor));

    public Task<List<CenterProfile>> CentersAsync(CancellationToken ct) =>
        work.RunAsync(sp => sp.GetRequiredService<CbpCentersDbContext>().Centers.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct));

    /// <summary>Who holds a role (of one Center, when given), for choosing a Center's Director or DFO.</summary>
    public Task<List<string>> InRoleAsync(string role, string? centerCode = null) => work.RunAsync(async sp =>
        (await sp.GetRequiredService<UserManager<StaffUser>>().GetUsersInRoleAsync(role))
            .Where(u => centerCode is null || u.CenterCode == centerCode).Select(u => u.UserName!).Order().ToList());

    public Task SetCenterLeadershipAsync(SignedInStaff staff, string code, string? director, string? dfo) => work.RunAsync(async sp =>
    {
        if (!staff.IsAdmin) throw new TaskForbiddenException("Only an administrator can change a Center's Director or DFO.");
        await sp.GetRequiredService<CenterLeadership>().SetAsync(code, director, dfo, "director", "DFO", default);
    });

    public static string CenterName(string? code) => code is null ? "—" : CenterCatalog.Find(code)?.Name ?? code;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new WorkflowInputException("account", string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
