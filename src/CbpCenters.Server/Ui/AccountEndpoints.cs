using CbpCenters.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CbpCenters.Server.Ui;

/// <summary>
/// Cookie sign-in for the web app. A Blazor component cannot write cookies, so the sign-in page posts a plain
/// form here (checked against forgery) and is redirected back: to where the person was going, or to the page
/// with the reason in words when the sign-in failed.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/login", LoginAsync).AllowAnonymous();
        account.MapPost("/logout", LogoutAsync);
        return app;
    }

    private static async Task<IResult> LoginAsync(
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, SignInManager<StaffUser> signIn)
    {
        var back = LocalOrHome(returnUrl);
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
            return Failed("Enter your user name and password.", userName, back);
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(userName.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return Results.LocalRedirect(back);
        return Failed(result.IsLockedOut
            ? "This account is locked after repeated failed sign-ins; try again in a few minutes."
            : "The user name or password is not correct.", userName, back);
    }

    private static async Task<IResult> LogoutAsync(SignInManager<StaffUser> signIn)
    {
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/login");
    }

    private static IResult Failed(string error, string? userName, string back) =>
        Results.LocalRedirect($"/login?error={Uri.EscapeDataString(error)}&userName={Uri.EscapeDataString(userName ?? "")}&returnUrl={Uri.EscapeDataString(back)}");

    /// <summary>Only a path on this site: an address elsewhere would make the sign-in page an open redirect.</summary>
    private static string LocalOrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url : "/";
}
