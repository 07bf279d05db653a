using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Fluid;

namespace CbpCenters.Engine.Expressions;

/// <summary>Renders Liquid templates (task titles, email bodies) over the same scope as expressions.</summary>
public sealed class LiquidRenderer
{
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new();
    private readonly TemplateOptions _options = new();

    public LiquidRenderer()
    {
        _options.TimeZone = TimeZoneInfo.Utc;
    }

    /// <summary>Returns the parse error of <paramref name="template"/>, or null when it parses.</summary>
    public static string? ParseError(string template) =>
        Parser.TryParse(template, out _, out var error) ? null : error;

    public static IFluidTemplate Parse(string template) =>
        Parser.TryParse(template, out var parsed, out var error)
            ? parsed
            : throw new ExpressionException($"Template does not parse: {error}");

    public string Render(string template, IReadOnlyDictionary<string, JsonNode?> scope) =>
        Render(_templates.GetOrAdd(template, Parse), scope);

    public string Render(IFluidTemplate template, IReadOnlyDictionary<string, JsonNode?> scope)
    {
        var context = new TemplateContext(_options);
        foreach (var (name, value) in scope) context.SetValue(name, ToPlain(value));
        return template.Render(context);
    }

    /// <summary>JSON as dictionaries, lists and primitives, which Liquid navigates natively.</summary>
    public static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<decimal>(out var m) => m,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
