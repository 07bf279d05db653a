using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CbpCenters.Engine.Definitions;

/// <summary>The types a definition's inputs may declare, and the check a starting instance's input must pass.</summary>
public static class InputTypes
{
    public const string String = "string";
    public const string Number = "number";
    public const string Boolean = "boolean";
    public const string Date = "date";
    public const string Object = "object";
    public const string Array = "array";
    public const string Any = "any";

    public static readonly string[] All = [String, Number, Boolean, Date, Object, Array, Any];

    /// <summary>What is wrong with the value for an input of the type, or null when it fits (or the type is not known).</summary>
    public static string? Mismatch(string type, JsonNode value)
    {
        var fits = type switch
        {
            String => value.GetValueKind() == JsonValueKind.String,
            Number => value.GetValueKind() == JsonValueKind.Number,
            Boolean => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
            Date => value.GetValueKind() == JsonValueKind.String
                && DateOnly.TryParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            Object => value is JsonObject,
            Array => value is JsonArray,
            _ => true,
        };
        return fits ? null : $"must be {Described(type)}, not {value.ToJsonString()}";
    }

    private static string Described(string type) => type switch
    {
        Date => "a date, yyyy-MM-dd",
        Object => "an object",
        Array => "a list",
        Boolean => "true or false",
        _ => $"a {type}",
    };
}
