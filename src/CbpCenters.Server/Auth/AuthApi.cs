using CbpCenters.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace CbpCenters.Server.Auth;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/auth").WithTags("Sign-in");
        api.MapPost("/login", Login).WithName("Login").AllowAnonymous()
            .WithSummary("Exchanges a user name and password for a bearer token: {tokenType, accessToken, expiresIn, refreshToken}.");
        api.MapGet("/me", Me).WithName("Me").RequireAuthorization().WithSummary("Who the caller is: roles, Center, positions and pool.");
        return app;
    }

    public sealed record LoginRequest(string UserName, string Password);

    public sealed record Profile(
        string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles, string? CenterCode,
        IReadOnlyList<string> Positions, string Pool, string? Port, bool OutOfOffice, string? Substitute);

    /// <summary>The bearer handler writes the token response itself when the sign-in succeeds.</summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(LoginRequest login, SignInManager<StaffUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(login.UserName) || string.IsNullOrEmpty(login.Password))
            return TypedResults.Problem("userName and password are required.", statusCode: StatusCodes.Status400BadRequest);
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(login.UserName, login.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return TypedResults.Problem("This account is locked after repeated failed sign-ins; try again in a few minutes.", statusCode: StatusCodes.Status401Unauthorized);
        return result.Succeeded
            ? TypedResults.Empty
            : TypedResults.Problem("The user name or password is not correct.", statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async Task<Results<Ok<Profile>, UnauthorizedHttpResult>> Me(HttpContext http, UserManager<StaffUser> users)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null) return TypedResults.Unauthorized();
        return TypedResults.Ok(new Profile(user.UserName!, user.DisplayName, user.Email, [.. await users.GetRolesAsync(user)],
            user.CenterCode, user.Positions, user.Pool, user.Port, user.OutOfOffice, user.Substitute));
    }
}
