using System.Security.Claims;
using CbpCenters.Engine.Tasks;

namespace CbpCenters.Server.Auth;

/// <summary>
/// Which Centers' work an API caller may see and act on: staff their own Center, Center Directors theirs, DFOs
/// the Centers reporting to them; administrators and the intake integration every Center. One rule for the
/// instances, notices and cases the API serves, so a Long Beach specialist never reaches New York's work.
/// </summary>
public sealed class CenterScope(CurrentStaff staff)
{
    /// <summary>The caller's Centers, or null when the caller sees every Center.</summary>
    public async Task<IReadOnlyCollection<string>?> CentersAsync(ClaimsPrincipal user, CancellationToken ct) =>
        user.IsInRole(AppRoles.Admin) || user.IsInRole(AppRoles.Integration) ? null : (await staff.ActorAsync(user, ct)).VisibleCenters;

    /// <summary>Refuses, in words, work of a Center the caller does not see; work of no Center is for administrators.</summary>
    public async Task EnsureAsync(ClaimsPrincipal user, string? centerCode, string what, CancellationToken ct)
    {
        var centers = await CentersAsync(user, ct);
        if (centers is null || (centerCode is not null && centers.Contains(centerCode))) return;
        throw new TaskForbiddenException(centerCode is null
            ? $"This {what} belongs to no Center; only administrators can reach it."
            : $"This {what} belongs to the {centerCode} Center; it is not open to {user.Identity?.Name}.");
    }
}
