using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CbpCenters.Engine.Definitions;

/// <summary>
/// Checks that each part of a definition's JSON is the kind of value the engine reads, before it is read: a part of
/// the wrong kind is refused naming its place (<c>root.activities[0].id</c>) and the kind it must be, in the words of
/// the authoring guide, never the serializer's. Whatever passes here deserializes; what it means is the validator's
/// business. Property names match case-insensitively, as the serializer reads them, except an activity's own
/// <c>id</c>, <c>type</c> and <c>designer</c>, which its converter reads exactly.
/// </summary>
internal static class DefinitionShape
{
    private const string FlowchartShape = "{ \"type\": \"Flowchart\", \"activities\": [...], \"connections\": [...] }";

    public static void Check(JsonNode? document)
    {
        if (document is not JsonObject definition) throw Wrong("definition", "The definition must be a JSON object.");
        Text(definition, "$schema");
        Text(definition, "definitionId");
        if (Field(definition, "definitionId") is not JsonValue id || string.IsNullOrWhiteSpace(id.GetValue<string>()))
            throw Wrong("definitionId", "definitionId is required, e.g. protest-review.");
        Text(definition, "name");
        WholeNumber(definition, "version", "version");
        Text(definition, "description");
        Text(definition, "caseKind");
        List(definition, "variables", "variables", (variable, at) =>
        {
            Named(variable, at, "a variable needs a name");
            Text(variable, "type", $"{at}.type");
        });
        List(definition, "inputs", "inputs", (input, at) =>
        {
            Named(input, at, "an input needs a name");
            Text(input, "type", $"{at}.type");
            Boolean(input, "required", $"{at}.required");
            Text(input, "description", $"{at}.description");
        });
        if (!Has(definition, "root", out var root)) return;
        if (root is not JsonObject flowchart) throw Wrong("root", $"root must be an object: {FlowchartShape}.");
        Text(flowchart, "type", "root.type");
        List(flowchart, "activities", "root.activities", Activity);
        List(flowchart, "connections", "root.connections", (connection, at) =>
        {
            foreach (var end in new[] { "source", "target" })
            {
                if (Field(connection, end) is not JsonObject point)
                    throw Wrong($"{at}.{end}", $"{at}.{end} must be an object: a connection needs a source and a target, each with an activity and a port.");
                foreach (var part in new[] { "activity", "port" })
                    if (Field(point, part) is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                        throw Wrong($"{at}.{end}.{part}", $"{at}.{end}.{part} must be a string: a connection needs a source and a target, each with an activity and a port.");
            }
        });
    }

    private static void Activity(JsonObject activity, string at)
    {
        foreach (var part in new[] { "id", "type" })
            if (activity.TryGetPropertyValue(part, out var value) && value is not null && !IsString(value))
                throw Wrong($"{at}.{part}", $"{at}.{part} must be a string.");
        if (!activity.TryGetPropertyValue("designer", out var designer) || designer is null) return;
        if (designer is not JsonObject position) throw Wrong($"{at}.designer", $"{at}.designer must be an object with x and y.");
        foreach (var axis in new[] { "x", "y" })
            if (Has(position, axis, out var value) && !IsNumber(value, out _))
                throw Wrong($"{at}.designer.{axis}", $"{at}.designer.{axis} must be a number.");
    }

    private static void Named(JsonObject item, string at, string rule)
    {
        Text(item, "name", $"{at}.name");
        if (Field(item, "name") is not JsonValue name || string.IsNullOrWhiteSpace(name.GetValue<string>()))
            throw Wrong($"{at}.name", $"{at}.name is required: {rule}.");
    }

    private static void List(JsonObject parent, string name, string at, Action<JsonObject, string> item)
    {
        if (!Has(parent, name, out var value)) return;
        if (value is not JsonArray list) throw Wrong(at, $"{at} must be a list.");
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject o) throw Wrong($"{at}[{i}]", $"{at}[{i}] must be an object{(list[i] is null ? "; an item cannot be empty" : "")}.");
            item(o, $"{at}[{i}]");
        }
    }

    private static void Text(JsonObject parent, string name, string? at = null)
    {
        if (Has(parent, name, out var value) && value is not null && !IsString(value))
            throw Wrong(at ?? name, $"{at ?? name} must be a string.");
    }

    /// <summary>A whole number, or a string holding one: the serializer reads numbers from strings too.</summary>
    private static void WholeNumber(JsonObject parent, string name, string at)
    {
        if (!Has(parent, name, out var value)) return;
        var whole = value switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.TryGetValue<int>(out _),
            JsonValue v when v.GetValueKind() == JsonValueKind.String =>
                int.TryParse(v.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            _ => false,
        };
        if (!whole) throw Wrong(at, $"{at} must be a whole number.");
    }

    private static void Boolean(JsonObject parent, string name, string at)
    {
        if (Has(parent, name, out var value) && value?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            throw Wrong(at, $"{at} must be true or false.");
    }

    private static bool IsString(JsonNode value) => value.GetValueKind() == JsonValueKind.String;

    private static bool IsNumber(JsonNode? value, out double number)
    {
        number = 0;
        return value switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.TryGetValue(out number) && double.IsFinite(number),
            JsonValue v when v.GetValueKind() == JsonValueKind.String =>
                double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number),
            _ => false,
        };
    }

    private static JsonNode? Field(JsonObject parent, string name) => Has(parent, name, out var value) ? value : null;

    private static bool Has(JsonObject parent, string name, out JsonNode? value)
    {
        foreach (var (key, node) in parent)
        {
            if (!string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) continue;
            value = node;
            return true;
        }
        value = null;
        return false;
    }

    private static DefinitionFormatException Wrong(string field, string message) => new(field, message);
}
