using CbpCenters.Engine.Runtime;

namespace CbpCenters.Server.Auth;

/// <summary>
/// An administrator changing their own account cannot lock themselves out: doing so could leave the service with
/// no administrator at all. The same rule for the API and the administration pages.
/// </summary>
internal static class OwnAccount
{
    public static void KeepAccess(bool isOwnAccount, bool? active, IEnumerable<string>? roles)
    {
        if (!isOwnAccount) return;
        if (active == false)
            throw new WorkflowInputException("active", "You cannot deactivate your own account; ask another administrator.");
        if (roles is not null && !roles.Contains(AppRoles.Admin, StringComparer.OrdinalIgnoreCase))
            throw new WorkflowInputException("roles", "You cannot remove your own administrator role; ask another administrator.");
    }
}
