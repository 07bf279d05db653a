using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CbpCenters.Engine.Tasks;

namespace CbpCenters.Engine.Notices;

/// <summary>
/// The fields of the model roots that do not come from the definition itself: <c>case</c> (per case kind),
/// <c>task</c>, <c>instance</c>, <c>outcome</c>. Field sets are dotted paths as in <see cref="NoticeFieldSet"/>;
/// null means "unknown, accept anything".
/// </summary>
public interface INoticeModelSchema
{
    IReadOnlySet<string>? FieldsOf(string root, string? caseKind);
}

/// <summary>
/// The engine's own roots described from their types, and <c>case</c> from one sample case per kind (the host
/// serializes a sample of each case kind the way it serializes cases into the model).
/// </summary>
public sealed class NoticeModelSchema(IReadOnlyDictionary<string, JsonObject>? caseSamples = null) : INoticeModelSchema
{
    /// <summary>The members of <c>instance</c>, as <see cref="Runtime.WorkflowExecution.Scope"/> writes them.</summary>
    public static readonly IReadOnlySet<string> InstanceFields =
        new HashSet<string>(["id", "definitionId", "correlationId", "centerCode", "createdAt"], StringComparer.Ordinal);

    /// <summary>The members of <c>outcome</c>: the last human decision, its form data and who made it.</summary>
    public static readonly IReadOnlySet<string> OutcomeFields =
        new HashSet<string>(["outcome", "data", "data.*", "activity", "completedBy"], StringComparer.Ordinal);

    /// <summary>The members of <c>task</c>: a <see cref="HumanTask"/> as System.Text.Json web defaults write it.</summary>
    public static readonly IReadOnlySet<string> TaskFields = FieldsOfType(typeof(HumanTask));

    private readonly Dictionary<string, IReadOnlySet<string>> _cases = (caseSamples ?? new Dictionary<string, JsonObject>())
        .ToDictionary(s => s.Key, s => NoticeFieldSet.FieldsOf(s.Value), StringComparer.OrdinalIgnoreCase);

    public IReadOnlySet<string>? FieldsOf(string root, string? caseKind) => root switch
    {
        "task" => TaskFields,
        "instance" => InstanceFields,
        "outcome" => OutcomeFields,
        "case" when caseKind is not null && _cases.TryGetValue(caseKind, out var fields) => fields,
        _ => null,
    };

    /// <summary>The camelCase property paths of a type, following nested classes and list items a few levels down.</summary>
    public static IReadOnlySet<string> FieldsOfType(Type type)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        Collect(type, "", fields, depth: 0);
        return fields;
    }

    private static void Collect(Type type, string prefix, HashSet<string> fields, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var path = prefix + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            fields.Add(path);
            var valueType = ItemType(property.PropertyType);
            if (typeof(JsonNode).IsAssignableFrom(valueType))
                fields.Add(path + "." + NoticeFieldSet.Anything);
            else if (IsObject(valueType) && depth < 3)
                Collect(valueType, path + ".", fields, depth + 1);
        }
    }

    private static Type ItemType(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) || typeof(JsonNode).IsAssignableFrom(type)) return type;
        return type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?
            .GetGenericArguments()[0] ?? typeof(object);
    }

    private static bool IsObject(Type type) =>
        type.IsClass && type != typeof(string) && type != typeof(object) && !typeof(JsonNode).IsAssignableFrom(type);
}
