using System.Text.Json.Nodes;

namespace CbpCenters.Engine.Notices;

/// <summary>
/// The fields a notice may read, per model root (<c>case</c>, <c>task</c>, <c>variables</c>...). Below a root,
/// fields are dotted paths (<c>importer.name</c>); a path ending in <c>.*</c> accepts anything beneath it, and
/// a root whose set is null accepts anything at all.
/// </summary>
public sealed class NoticeFieldSet
{
    public const string Anything = "*";

    /// <summary>Liquid's own members of lists and strings, valid on any field.</summary>
    private static readonly HashSet<string> ListMembers = ["size", "first", "last"];

    private readonly Dictionary<string, IReadOnlySet<string>?> _roots = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Roots => _roots.Keys;

    /// <summary>Adds or replaces a root; <paramref name="fields"/> null means any field exists.</summary>
    public NoticeFieldSet With(string root, IReadOnlySet<string>? fields)
    {
        _roots[root] = fields;
        return this;
    }

    /// <summary>
    /// The first part of <paramref name="path"/> (root first) that does not exist, as a dotted path such as
    /// <c>case.reasonz</c>; null when the whole path exists.
    /// </summary>
    public string? Missing(IReadOnlyList<string> path)
    {
        if (!_roots.TryGetValue(path[0], out var fields)) return path[0];
        if (fields is null || fields.Contains(Anything)) return null;
        var known = new List<string>();
        foreach (var segment in path.Skip(1))
        {
            if (ListMembers.Contains(segment) && known.Count > 0) continue;
            known.Add(segment);
            var prefix = string.Join('.', known);
            if (fields.Contains(prefix + "." + Anything)) return null;
            if (!fields.Contains(prefix) && !fields.Any(f => f.StartsWith(prefix + ".", StringComparison.Ordinal)))
                return path[0] + "." + prefix;
        }
        return null;
    }

    /// <summary>
    /// The field paths of a sample value: every property, nested objects as dotted paths, the items of an array
    /// merged under the array's name; an empty object stands for "anything beneath".
    /// </summary>
    public static IReadOnlySet<string> FieldsOf(JsonObject sample)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        Collect(sample, "", fields);
        return fields;
    }

    private static void Collect(JsonNode? node, string prefix, HashSet<string> fields)
    {
        switch (node)
        {
            case JsonObject { Count: 0 } when prefix.Length > 0:
                fields.Add(prefix + "." + Anything);
                break;
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    var path = prefix.Length == 0 ? name : prefix + "." + name;
                    fields.Add(path);
                    Collect(value, path, fields);
                }
                break;
            case JsonArray array:
                foreach (var item in array) Collect(item, prefix, fields);
                break;
        }
    }
}
