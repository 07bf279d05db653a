using CbpCenters.Domain.Centers;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Identity;
using CbpCenters.Persistence.Organisation;
using CbpCenters.Server.Auth;
using CbpCenters.Server.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Seed;

/// <summary>Seeds the ten Centers and the roles on every start (idempotent), and the demo staff on the first.</summary>
public sealed class DemoStaff(
    CbpCentersDbContext db, UserManager<StaffUser> users, RoleManager<IdentityRole> roles, SeedOptions options, TimeProvider clock, ILogger<DemoStaff> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var role in AppRoles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        var existing = await db.Centers.Select(c => c.Code).ToListAsync(ct);
        foreach (var center in CenterCatalog.All.Where(c => !existing.Contains(c.Code)))
            db.Centers.Add(new CenterProfile { Code = center.Code, Name = center.Name, ManagementOffice = center.ManagementOffice, TimeZoneId = center.TimeZoneId });
        await db.SaveChangesAsync(ct);

        if (!options.DemoUsers || await users.Users.AnyAsync(ct)) return;
        foreach (var person in DemoStaffList.People())
        {
            var user = new StaffUser
            {
                UserName = person.UserName,
                Email = $"{person.UserName}@cbpcenters.example",
                EmailConfirmed = true,
                DisplayName = person.DisplayName,
                CenterCode = person.CenterCode,
                Positions = [.. person.Positions ?? []],
                Pool = person.Pool,
                Port = person.Port,
            };
            var created = await users.CreateAsync(user, options.DemoPassword);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Demo user {person.UserName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            await users.AddToRolesAsync(user, person.Roles);
        }
        foreach (var center in await db.Centers.ToListAsync(ct))
        {
            center.DirectorUserName = $"{center.Code.ToLowerInvariant()}.director";
            center.DfoUserName = DemoStaffList.DfoOfCenter.GetValueOrDefault(center.Code);
        }
        foreach (var importer in DemoImporters.All().Where(i => !db.Importers.Any(x => x.ImporterNumber == i.ImporterNumber)))
        {
            importer.UpdatedAt = clock.GetUtcNow();
            db.Importers.Add(importer);
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Count} demo users (password in the README) and the demo importers", DemoStaffList.People().Count());
    }
}
