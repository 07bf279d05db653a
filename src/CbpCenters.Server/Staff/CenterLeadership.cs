using CbpCenters.Engine.Runtime;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Identity;
using CbpCenters.Persistence.Organisation;
using CbpCenters.Server.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Staff;

/// <summary>
/// Who leads a Center: its Center Director (a director working for that Center) and the Director, Field
/// Operations it reports to. Either post may be left vacant (null). The same rule for the API and the admin page.
/// </summary>
public sealed class CenterLeadership(CbpCentersDbContext db, UserManager<StaffUser> users)
{
    /// <exception cref="WorkflowNotFoundException">No Center has the code.</exception>
    /// <exception cref="WorkflowInputException">A person who cannot hold the post; nothing is saved.</exception>
    public async Task<CenterProfile> SetAsync(string code, string? directorName, string? dfoName, string directorField, string dfoField, CancellationToken ct)
    {
        var center = await db.Centers.FirstOrDefaultAsync(c => c.Code == code.ToUpperInvariant(), ct)
            ?? throw new WorkflowNotFoundException($"'{code}' is not a Center code.");
        // Kept as the account spells it, whatever the caller typed: other rules compare the names.
        var director = string.IsNullOrWhiteSpace(directorName) ? null : await InRoleAsync(directorName.Trim(), AppRoles.CenterDirector, "Center Director", directorField);
        if (director is not null && director.CenterCode != center.Code)
            throw new WorkflowInputException(directorField, $"{director.UserName} works for {director.CenterCode ?? "no Center"}, so cannot direct {center.Code}; move them to {center.Code} first.");
        var dfo = string.IsNullOrWhiteSpace(dfoName) ? null : await InRoleAsync(dfoName.Trim(), AppRoles.Dfo, "Director, Field Operations", dfoField);
        center.DirectorUserName = director?.UserName;
        center.DfoUserName = dfo?.UserName;
        await db.SaveChangesAsync(ct);
        return center;
    }

    private async Task<StaffUser> InRoleAsync(string userName, string role, string post, string field)
    {
        var user = await users.FindByNameAsync(userName) ?? throw new WorkflowInputException(field, $"{userName} is not a staff account.");
        return await users.IsInRoleAsync(user, role) ? user
            : throw new WorkflowInputException(field, $"{userName} does not have the {role} role, so cannot be the {post}.");
    }
}
