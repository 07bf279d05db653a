using System.Security.Claims;
using CbpCenters.Engine.Tasks;
using CbpCenters.Persistence;
using CbpCenters.Server.Auth;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Ui;

/// <summary>The signed-in person as the pages need them: the task rules' actor, their name and what their roles allow.</summary>
public sealed record SignedInStaff(ClaimsPrincipal User, TaskActor Actor, string DisplayName)
{
    public string UserName => Actor.UserName;
    public bool IsAdmin => User.IsInRole(AppRoles.Admin);
    public bool IsDfo => User.IsInRole(AppRoles.Dfo);
    public bool IsCenterDirector => User.IsInRole(AppRoles.CenterDirector);
    /// <summary>Supervisor, Center Director, DFO or administrator: may assign, reassign, retry and cancel in their Centers.</summary>
    public bool IsSupervisor => Actor.IsSupervisor;
    public bool SeesDashboards => IsAdmin || IsDfo || IsCenterDirector || User.IsInRole(AppRoles.Supervisor);
    public bool Sees(string? centerCode) => centerCode is not null ? Actor.VisibleCenters.Contains(centerCode) : IsAdmin;
}

/// <summary>
/// Who is using this circuit. Read once and kept a minute, so a page does not ask the database on every click,
/// yet a change of roles or Center reaches an open browser soon.
/// </summary>
public sealed class StaffSession(AuthenticationStateProvider authentication, ScopedWork work, TimeProvider clock)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
    private SignedInStaff? _staff;
    private DateTimeOffset _readAt;

    public async Task<SignedInStaff> CurrentAsync(CancellationToken ct = default)
    {
        if (_staff is not null && clock.GetUtcNow() - _readAt < KeepFor) return _staff;
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        _staff = await work.RunAsync(async sp =>
        {
            var actor = await sp.GetRequiredService<CurrentStaff>().ActorAsync(user, ct);
            var normalized = actor.UserName.ToUpperInvariant();
            var name = await sp.GetRequiredService<CbpCentersDbContext>().Users.AsNoTracking()
                .Where(u => u.NormalizedUserName == normalized).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            return new SignedInStaff(user, actor, string.IsNullOrWhiteSpace(name) ? actor.UserName : name);
        });
        _readAt = clock.GetUtcNow();
        return _staff;
    }
}
