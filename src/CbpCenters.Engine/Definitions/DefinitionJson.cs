using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Parses a definition; a malformed document throws <see cref="DefinitionFormatException"/> naming the place
    /// (<c>root.activities[0].id</c>) and the rule, so a document with a <c>null</c> in a list, a connection without
    /// its ends or a version that is not a number is refused here and never saved as a draft.
    /// </summary>
    public static WorkflowDefinition Parse(string json)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } n ? $" near line {n + 1}" : "";
            throw new DefinitionFormatException("definition", $"The definition is not valid JSON{line}.");
        }
        DefinitionShape.Check(document);
        try
        {
            return document.Deserialize<WorkflowDefinition>(Options)
                ?? throw new DefinitionFormatException("definition", "The definition is empty.");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The shape check above names every kind of value the serializer reads; this is a backstop that still
            // keeps the serializer's type names and byte positions out of the message.
            var place = ex is JsonException { Path: { Length: > 1 } path } ? path.TrimStart('$', '.') : "definition";
            throw new DefinitionFormatException(place, $"The definition could not be read at {place}.");
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

/// <summary>A definition that cannot be read; <see cref="Field"/> is the place, such as <c>root.activities[0].id</c>.</summary>
public sealed class DefinitionFormatException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
