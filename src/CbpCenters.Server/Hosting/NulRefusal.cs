using System.Text.Json;

namespace CbpCenters.Server.Hosting;

/// <summary>
/// A JSON body whose text holds the NUL character (<c>\u0000</c>) is refused with 400 naming the field. PostgreSQL
/// cannot store NUL in text, so such a filing would otherwise fail deep in its save with a 500. Bodies without the
/// escape (all real ones) pass after one scan of their bytes.
/// </summary>
public static class NulRefusal
{
    private static readonly byte[] Escape = "\\u0000"u8.ToArray();

    public static WebApplication UseNulRefusal(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            if (request.Path.StartsWithSegments("/api") && request.HasJsonContentType())
            {
                request.EnableBuffering();
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, http.RequestAborted);
                request.Body.Position = 0;
                if (buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOf(Escape) >= 0 && FieldWithNul(buffer.ToArray()) is { } field)
                {
                    http.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                    {
                        HttpContext = http,
                        ProblemDetails = ProblemDetailsExceptionHandler.Validation(field, $"{field} must not contain the NUL character (\\u0000)."),
                    });
                    return;
                }
            }
            await next(http);
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
