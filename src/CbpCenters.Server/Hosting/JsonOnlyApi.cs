using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace CbpCenters.Server.Hosting;

/// <summary>
/// The router sets aside an API endpoint that reads a JSON body when the request's Content-Type says otherwise (or
/// says nothing), and the caller would then get 404 as if the address did not exist. When an endpoint at that
/// address and method does read JSON, the answer is 415 naming the Content-Type header instead.
/// </summary>
public static class JsonOnlyApi
{
    public static WebApplication UseJsonOnlyApi(this WebApplication app)
    {
        var sources = ((IEndpointRouteBuilder)app).DataSources;
        var jsonEndpoints = new Lazy<List<(TemplateMatcher Address, IReadOnlyList<string> Methods)>>(() =>
        [
            .. sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Any(t => t.Contains("json", StringComparison.OrdinalIgnoreCase)) == true)
                .Select(e => (new TemplateMatcher(new RouteTemplate(e.RoutePattern), []), e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
        ]);

        app.Use((http, next) =>
        {
            var request = http.Request;
            // No endpoint, or the catch-all fallback (MapFallback gives it the order int.MaxValue).
            if (http.GetEndpoint() is null or RouteEndpoint { Order: int.MaxValue } && request.Path.StartsWithSegments("/api") && !request.HasJsonContentType()
                && jsonEndpoints.Value.Any(e => e.Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase) && e.Address.TryMatch(request.Path, [])))
            {
                // The status code page writes the problem, which AddProblemDetails completes with the rule.
                http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return Task.CompletedTask;
            }
            return next(http);
        });
        return app;
    }
}
