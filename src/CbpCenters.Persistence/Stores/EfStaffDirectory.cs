using CbpCenters.Engine.Tasks;
using CbpCenters.Persistence.Identity;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Persistence.Stores;

/// <summary>The staff directory over the sign-in accounts and the Centers table.</summary>
public sealed class EfStaffDirectory(CbpCentersDbContext db) : IStaffDirectory
{
    public async Task<StaffProfile?> FindAsync(string userName, CancellationToken ct)
    {
        var normalized = userName.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized && u.Active, ct);
        return user is null ? null : ToProfile(user);
    }

    public async Task<IReadOnlyList<StaffProfile>> InCenterAsync(string centerCode, CancellationToken ct) =>
        [.. (await db.Users.AsNoTracking().Where(u => u.CenterCode == centerCode && u.Active).OrderBy(u => u.UserName).ToListAsync(ct)).Select(ToProfile)];

    public async Task<StaffProfile?> CenterDirectorAsync(string centerCode, CancellationToken ct) =>
        await db.Centers.AsNoTracking().Where(c => c.Code == centerCode).Select(c => c.DirectorUserName).FirstOrDefaultAsync(ct) is { } director
            ? await FindAsync(director, ct)
            : null;

    public async Task<StaffProfile?> DirectorFieldOperationsAsync(string centerCode, CancellationToken ct) =>
        await db.Centers.AsNoTracking().Where(c => c.Code == centerCode).Select(c => c.DfoUserName).FirstOrDefaultAsync(ct) is { } dfo
            ? await FindAsync(dfo, ct)
            : null;

    public static StaffProfile ToProfile(StaffUser user) => new(
        user.UserName!, user.DisplayName, user.Email ?? "", user.CenterCode, user.Positions,
        user.Pool == "Matrix" ? CandidatePool.Matrix : CandidatePool.Core, user.Port, user.OutOfOffice, user.Substitute);
}
