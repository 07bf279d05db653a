using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CbpCenters.Engine.Definitions;

/// <summary>Reads and writes definitions in the JSON shape of <c>workflows/*.json</c>.</summary>
public static class DefinitionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Parses a definition; a malformed document throws <see cref="DefinitionFormatException"/>.</summary>
    public static WorkflowDefinition Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<WorkflowDefinition>(json, Options)
                ?? throw new DefinitionFormatException("The definition is empty.");
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } path ? $" at {path}" : "";
            throw new DefinitionFormatException($"The definition is not valid JSON{where}: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            throw new DefinitionFormatException($"The definition is not valid: {ex.Message}");
        }
    }

    public static string Serialize(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);

    /// <summary>A fingerprint of the content, ignoring the version number, so a re-import of an unchanged file is a no-op.</summary>
    public static string ContentHash(WorkflowDefinition definition)
    {
        var node = JsonSerializer.SerializeToNode(definition, Options)!.AsObject();
        node.Remove("version");
        node.Remove("$schema");
        var bytes = Encoding.UTF8.GetBytes(node.ToJsonString());
        return Convert.ToHexString(SHA256.HashData(bytes));
    }
}

public sealed class DefinitionFormatException(string message) : Exception(message);
