using System.Text.RegularExpressions;
using CbpCenters.Engine.Expressions;
using Fluid;

namespace CbpCenters.Engine.Notices;

/// <summary>
/// One notice as parsed from <c>workflows/templates/&lt;name&gt;.liquid</c>: a Liquid subject, a plain-text body,
/// an optional HTML body, and the model fields the notice cannot be sent without.
/// </summary>
public sealed class NoticeTemplate
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required IFluidTemplate Subject { get; init; }
    public required IFluidTemplate Text { get; init; }
    public IFluidTemplate? Html { get; init; }

    /// <summary>Paths such as <c>case.protestNumber</c> that must have a value, or the notice is refused.</summary>
    public IReadOnlyList<string> Requires { get; init; } = [];

    /// <summary>Every parsed part, for walking the Liquid syntax trees.</summary>
    public IEnumerable<IFluidTemplate> Parts => Html is null ? [Subject, Text] : [Subject, Text, Html];
}

/// <summary>
/// Reads the template file format (see <c>workflows/templates/README.md</c>): header lines
/// (<c>subject:</c>, <c>requires:</c>, <c>description:</c>), then a <c>--- text ---</c> section and an
/// optional <c>--- html ---</c> section. Every error names the file and, where there is one, the line.
/// </summary>
public static partial class NoticeTemplateFormat
{
    public const string TextMarker = "--- text ---";
    public const string HtmlMarker = "--- html ---";

    public static NoticeTemplate Parse(string name, string content, string fileName)
    {
        var lines = content.ReplaceLineEndings("\n").Split('\n');
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var sections = new Dictionary<string, (int Line, List<string> Lines)>(StringComparer.Ordinal);
        List<string>? current = null;

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed is TextMarker or HtmlMarker)
            {
                var section = trimmed == TextMarker ? "text" : "html";
                if (sections.ContainsKey(section))
                    throw Error(fileName, i + 1, $"the {section} section appears twice.");
                sections[section] = (i + 2, current = []);
            }
            else if (current is not null)
            {
                current.Add(line);
            }
            else if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                var colon = trimmed.IndexOf(':');
                var key = colon > 0 ? trimmed[..colon].Trim() : "";
                if (key is not ("subject" or "requires" or "description"))
                    throw Error(fileName, i + 1, $"expected 'subject:', 'requires:' or 'description:' before '{TextMarker}', not '{trimmed}'.");
                if (!header.TryAdd(key, trimmed[(colon + 1)..].Trim()))
                    throw Error(fileName, i + 1, $"'{key}:' appears twice.");
            }
        }

        if (!header.TryGetValue("subject", out var subject) || subject.Length == 0)
            throw Error(fileName, null, "the 'subject:' header line is missing or empty.");
        if (!sections.TryGetValue("text", out var text))
            throw Error(fileName, null, $"the '{TextMarker}' section is missing; every notice needs a plain-text body.");

        return new NoticeTemplate
        {
            Name = name,
            Description = header.GetValueOrDefault("description"),
            Subject = ParseLiquid(fileName, "subject", 1, subject),
            Text = ParseLiquid(fileName, "text", text.Line, Body(text.Lines)),
            Html = sections.TryGetValue("html", out var html) ? ParseLiquid(fileName, "html", html.Line, Body(html.Lines)) : null,
            Requires = ParseRequires(fileName, header.GetValueOrDefault("requires")),
        };
    }

    private static string Body(List<string> lines)
    {
        var start = lines.FindIndex(l => l.Trim().Length > 0);
        var end = lines.FindLastIndex(l => l.Trim().Length > 0);
        return start < 0 ? "" : string.Join('\n', lines.GetRange(start, end - start + 1));
    }

    private static IFluidTemplate ParseLiquid(string fileName, string section, int firstLine, string source)
    {
        try
        {
            return LiquidRenderer.Parse(source);
        }
        catch (ExpressionException ex)
        {
            throw Error(fileName, firstLine, $"the {section} section (positions count from this line): {ex.Message}");
        }
    }

    private static List<string> ParseRequires(string fileName, string? value)
    {
        var paths = (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var path in paths.Where(p => !PathPattern().IsMatch(p)))
            throw Error(fileName, null, $"'requires:' lists '{path}', which is not a field path such as case.protestNumber.");
        return paths;
    }

    private static NoticeException Error(string fileName, int? line, string message) =>
        new(line is null ? $"{fileName}: {message}" : $"{fileName}, line {line}: {message}");

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$")]
    private static partial Regex PathPattern();
}
