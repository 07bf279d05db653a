using System.Text.Json;

namespace CbpCenters.Server.Hosting;

/// <summary>
/// An API request whose body, query or path holds the NUL character (<c>\u0000</c>, <c>%00</c>) is refused with 400
/// naming the field. PostgreSQL cannot store or compare NUL in text, so such a request would otherwise fail deep in
/// its save or query with a 500. Requests without it (all real ones) pass after one scan of their bytes. It runs
/// after sign-in, so an anonymous caller learns nothing from it.
/// </summary>
public static class NulRefusal
{
    private static readonly byte[] Escape = "\\u0000"u8.ToArray();

    public static WebApplication UseNulRefusal(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            if (!request.Path.StartsWithSegments("/api"))
            {
                await next(http);
                return;
            }
            var field = request.Path.Value!.Contains('\0') ? "path"
                : request.Query.FirstOrDefault(q => q.Key.Contains('\0') || q.Value.Any(v => v?.Contains('\0') == true)).Key;
            if (field is null && (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0))
            {
                // Whatever the Content-Type says: some endpoints read an optional body as JSON themselves.
                request.EnableBuffering();
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, http.RequestAborted);
                request.Body.Position = 0;
                if (buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOf(Escape) >= 0) field = FieldWithNul(buffer.ToArray());
            }
            if (field is null)
            {
                await next(http);
                return;
            }
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
            {
                HttpContext = http,
                ProblemDetails = ProblemDetailsExceptionHandler.Validation(field, $"{field} must not contain the NUL character (\\u0000)."),
            });
        });
        return app;
    }

    /// <summary>The path of the first name or text holding NUL, e.g. <c>entries[0].entryNumber</c>; null when none does (an escaped backslash).</summary>
    private static string? FieldWithNul(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null; // Not JSON at all: the endpoint's own reading refuses it with its message.
        }
        using (document) return Find(document.RootElement, "");
    }

    private static string? Find(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!.Contains('\0') ? Named(path) : null,
        JsonValueKind.Array => element.EnumerateArray().Select((item, i) => Find(item, $"{path}[{i}]")).FirstOrDefault(found => found is not null),
        JsonValueKind.Object => element.EnumerateObject()
            .Select(p => p.Name.Contains('\0') ? Named(path) : Find(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}"))
            .FirstOrDefault(found => found is not null),
        _ => null,
    };

    private static string Named(string path) => path.Length == 0 ? "body" : path;
}
