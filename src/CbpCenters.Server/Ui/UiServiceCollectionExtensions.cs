using CbpCenters.Server.Components;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace CbpCenters.Server.Ui;

/// <summary>The web app for staff: Blazor Server pages (MudBlazor) over the engine's services, and cookie sign-in.</summary>
public static class UiServiceCollectionExtensions
{
    public static IServiceCollection AddCbpCentersUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddSingleton<ScopedWork>();
        services.AddScoped<StaffSession>();
        services.AddSingleton<InboxQueries>();
        services.AddSingleton<SavedFilters>();
        services.AddSingleton<TaskDesk>();
        services.AddSingleton<DashboardFigures>();
        services.AddSingleton<NoticeDesk>();
        services.AddSingleton<StaffAdministration>();
        services.AddSingleton<InstanceDesk>();
        services.AddSingleton<CaseDesk>();
        return services;
    }

    /// <summary>
    /// The pages and the sign-in endpoints. A page that needs a signed-in person challenges the Identity cookie
    /// (not the API's bearer token), so a browser is sent to the sign-in page and, lacking a role, to the 403 page.
    /// </summary>
    public static WebApplication MapCbpCentersUi(this WebApplication app)
    {
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .Add(endpoint =>
            {
                if (endpoint.Metadata.OfType<IAuthorizeData>().Any())
                    endpoint.Metadata.Add(new AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.ApplicationScheme });
            });
        // MapStaticAssets answers GET and HEAD for any path that may be a file; without an endpoint for the other
        // methods, a POST to an address that does not exist would get 405 instead of 404.
        app.MapFallback(NothingHere).ExcludeFromDescription();
        return app;
    }

    /// <summary>An API caller is told where the addresses are; a browser gets the status code page.</summary>
    private static Results<ProblemHttpResult, NotFound> NothingHere(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.",
                detail: $"Nothing answers {request.Method} {request.Path}: check the address against /openapi/v1.json (ids are GUIDs).")
            : TypedResults.NotFound();
}
