using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CbpCenters.Engine.Tests.Definitions;

/// <summary>
/// Checks a document against a JSON Schema (draft 2020-12) using only the keywords our definition schema uses:
/// type, required, properties, additionalProperties, items, $ref (local), enum, const, pattern, minLength, minimum.
/// A schema that starts using any other keyword makes the check throw, so it can never pass by ignoring a rule.
/// </summary>
internal sealed class JsonSchemaCheck(JsonObject schema)
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples"];
    private static readonly HashSet<string> Assertions =
        ["type", "required", "properties", "additionalProperties", "items", "$ref", "enum", "const", "pattern", "minLength", "minimum"];

    public static JsonSchemaCheck Load(string path) =>
        new(JsonNode.Parse(File.ReadAllText(path))!.AsObject());

    /// <summary>Each violation as "path: rule", e.g. "$.root.activities[3].type: must be one of Start, End, ...".</summary>
    public List<string> Problems(JsonNode? document)
    {
        var problems = new List<string>();
        Check(schema, document, "$", problems);
        return problems;
    }

    private void Check(JsonObject rules, JsonNode? value, string path, List<string> problems)
    {
        foreach (var (keyword, _) in rules)
            if (!Annotations.Contains(keyword) && !Assertions.Contains(keyword))
                throw new NotSupportedException($"The schema uses '{keyword}', which this check does not know; teach it before relying on it.");

        if (rules["$ref"]?.GetValue<string>() is { } reference)
            Check(Resolve(reference), value, path, problems);
        if (rules["type"]?.GetValue<string>() is { } type && !HasType(value, type))
        {
            problems.Add($"{path}: must be of type {type}");
            return;
        }
        if (rules["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
            problems.Add($"{path}: must be one of {string.Join(", ", options.Select(o => o?.ToJsonString()))}");
        if (rules["const"] is { } constant && !JsonNode.DeepEquals(constant, value))
            problems.Add($"{path}: must be {constant.ToJsonString()}");
        if (value is JsonValue text && text.TryGetValue<string>(out var s))
        {
            if (rules["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(s, pattern))
                problems.Add($"{path}: '{s}' does not match {pattern}");
            if (rules["minLength"]?.GetValue<int>() is { } minLength && s.Length < minLength)
                problems.Add($"{path}: must have at least {minLength} characters");
        }
        if (rules["minimum"] is JsonValue minimum && value is JsonValue number && number.GetValueKind() == JsonValueKind.Number
            && number.GetValue<decimal>() < minimum.GetValue<decimal>())
            problems.Add($"{path}: must be at least {minimum.GetValue<decimal>().ToString(CultureInfo.InvariantCulture)}");
        if (value is JsonObject obj) CheckObject(rules, obj, path, problems);
        if (value is JsonArray array && rules["items"] is JsonObject items)
            for (var i = 0; i < array.Count; i++) Check(items, array[i], $"{path}[{i}]", problems);
    }

    private void CheckObject(JsonObject rules, JsonObject obj, string path, List<string> problems)
    {
        foreach (var required in rules["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
            if (!obj.ContainsKey(required)) problems.Add($"{path}: '{required}' is required");
        var properties = rules["properties"] as JsonObject ?? [];
        foreach (var (name, value) in obj)
        {
            if (properties[name] is JsonObject property)
                Check(property, value, $"{path}.{name}", problems);
            else if (rules["additionalProperties"] is JsonValue allowed && !allowed.GetValue<bool>())
                problems.Add($"{path}: '{name}' is not allowed here");
            else if (rules["additionalProperties"] is JsonObject additional)
                Check(additional, value, $"{path}.{name}", problems);
        }
    }

    private JsonObject Resolve(string reference)
    {
        const string local = "#/$defs/";
        if (!reference.StartsWith(local, StringComparison.Ordinal) || schema["$defs"]?[reference[local.Length..]] is not JsonObject target)
            throw new NotSupportedException($"Cannot resolve $ref '{reference}'; only {local}<name> is supported.");
        return target;
    }

    private static bool HasType(JsonNode? value, string type) => (type, value?.GetValueKind()) switch
    {
        ("object", JsonValueKind.Object) or ("array", JsonValueKind.Array) or ("string", JsonValueKind.String) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) or ("null", null or JsonValueKind.Null) => true,
        ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => value!.GetValue<decimal>() == decimal.Truncate(value.GetValue<decimal>()),
        _ => false,
    };
}
