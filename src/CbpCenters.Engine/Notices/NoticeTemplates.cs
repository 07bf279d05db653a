using System.Text.RegularExpressions;
using Fluid;

namespace CbpCenters.Engine.Notices;

/// <summary>
/// The notice templates of <c>workflows/templates/</c>, parsed once at start-up. Loading fails as a whole,
/// naming every bad file, so a service never starts with a notice it could not render.
/// </summary>
public sealed partial class NoticeTemplates
{
    public const string Extension = ".liquid";

    private readonly Dictionary<string, NoticeTemplate> _byName;

    private NoticeTemplates(IEnumerable<NoticeTemplate> templates, string source)
    {
        _byName = templates.ToDictionary(t => t.Name, StringComparer.Ordinal);
        Source = source;
    }

    /// <summary>Where the templates came from (a folder), for messages.</summary>
    public string Source { get; }

    /// <summary>The options every notice renders with: culture, filters and (per render) the Center's time zone.</summary>
    public TemplateOptions Options { get; } = NoticeFilters.CreateOptions();

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public NoticeTemplate? Find(string name) => _byName.GetValueOrDefault(name);

    public NoticeTemplate Get(string name) =>
        Find(name) ?? throw new NoticeException($"Notice template '{name}' does not exist in {Source}.");

    /// <summary>Every <c>*.liquid</c> file of <paramref name="folder"/>; the file name is the template name.</summary>
    public static NoticeTemplates Load(string folder)
    {
        if (!Directory.Exists(folder))
            throw new NoticeException($"The notice templates folder '{folder}' does not exist.");
        var files = Directory.GetFiles(folder, "*" + Extension).Order(StringComparer.Ordinal);
        return FromFiles(files.Select(f => (Path.GetFileName(f), File.ReadAllText(f))), folder);
    }

    /// <summary>Templates from (file name, content) pairs; <paramref name="source"/> names them in messages.</summary>
    public static NoticeTemplates FromFiles(IEnumerable<(string FileName, string Content)> files, string source)
    {
        var templates = new List<NoticeTemplate>();
        var errors = new List<string>();
        var filters = NoticeFilters.CreateOptions().Filters;
        foreach (var (fileName, content) in files)
        {
            var name = fileName.EndsWith(Extension, StringComparison.Ordinal) ? fileName[..^Extension.Length] : fileName;
            if (!NamePattern().IsMatch(name))
            {
                errors.Add($"{fileName}: a template name is lower-case letters, digits and dashes, e.g. protest-decision.liquid.");
                continue;
            }
            try
            {
                var template = NoticeTemplateFormat.Parse(name, content, fileName);
                var unknown = template.Parts.SelectMany(p => LiquidReferences.Of(p).Filters)
                    .Distinct().Where(f => !filters.TryGetValue(f, out _)).ToList();
                if (unknown.Count > 0)
                    errors.Add($"{fileName}: unknown Liquid filter {string.Join(", ", unknown.Select(f => $"'{f}'"))}.");
                else
                    templates.Add(template);
            }
            catch (NoticeException ex)
            {
                errors.Add(ex.Message);
            }
        }
        if (errors.Count > 0)
            throw new NoticeException($"Notice templates in {source} are not valid:{Environment.NewLine}" + string.Join(Environment.NewLine, errors));
        return new NoticeTemplates(templates, source);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex NamePattern();
}
