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
    public async Task<CenterProfile> SetAsync(string code, string? director, string? dfo, string directorField, string dfoField, CancellationToken ct)
    {
        var center = await db.Centers.FirstOrDefaultAsync(c => c.Code == code.ToUpperInvariant(), ct)
            ?? throw new WorkflowNotFoundException($"'{code}' is not a Center code.");
        director = string.IsNullOrWhiteSpace(director) ? null : director.Trim();
        dfo = string.IsNullOrWhiteSpace(dfo) ? null : dfo.Trim();
        if (director is not null)
        {
            var person = await InRoleAsync(director, AppRoles.CenterDirector, "Center Director", directorField);
            if (person.CenterCode != center.Code)
                throw new WorkflowInputException(directorField, $"{director} works for {person.CenterCode ?? "no Center"}, so cannot direct {center.Code}; move them to {center.Code} first.");
        }
        if (dfo is not null) await InRoleAsync(dfo, AppRoles.Dfo, "Director, Field Operations", dfoField);
        center.DirectorUserName = director;
        center.DfoUserName = dfo;
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
