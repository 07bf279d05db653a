using CbpCenters.Persistence.Identity;
using Microsoft.AspNetCore.Identity;

namespace CbpCenters.Server.Auth;

/// <summary>
/// A deactivated account cannot sign in, by the form or for a bearer token: Identity asks this before it checks the
/// password, and the caller hears the same "not correct" as for a wrong password, so nobody learns which it was.
/// </summary>
public sealed class ActiveStaffOnly : IUserConfirmation<StaffUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(user.Active);
}
