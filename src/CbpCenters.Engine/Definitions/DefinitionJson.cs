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
            return CheckShape(JsonSerializer.Deserialize<WorkflowDefinition>(json, Options)
                ?? throw new DefinitionFormatException("The definition is empty."));
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

    /// <summary>
    /// The parts every later step relies on are there: a document with a <c>null</c> in a list, a connection without
    /// its ends or a position that is not a number is refused here, naming the place, and is never saved as a draft.
    /// </summary>
    private static WorkflowDefinition CheckShape(WorkflowDefinition definition)
    {
        static DefinitionFormatException Wrong(string where, string rule) => new($"The definition is not valid at {where}: {rule}");
        if (string.IsNullOrWhiteSpace(definition.DefinitionId)) throw Wrong("definitionId", "it is required, e.g. protest-review.");
        if (definition.Variables is null) throw Wrong("variables", "it must be a list.");
        if (definition.Inputs is null) throw Wrong("inputs", "it must be a list.");
        if (definition.Root is null) throw Wrong("root", "it is required: { \"type\": \"Flowchart\", \"activities\": [...], \"connections\": [...] }.");
        if (definition.Root.Activities is null) throw Wrong("root.activities", "it must be a list.");
        if (definition.Root.Connections is null) throw Wrong("root.connections", "it must be a list.");
        for (var i = 0; i < definition.Variables.Count; i++)
            if (string.IsNullOrWhiteSpace(definition.Variables[i]?.Name)) throw Wrong($"variables[{i}]", "a variable needs a name.");
        for (var i = 0; i < definition.Inputs.Count; i++)
            if (string.IsNullOrWhiteSpace(definition.Inputs[i]?.Name)) throw Wrong($"inputs[{i}]", "an input needs a name.");
        for (var i = 0; i < definition.Root.Activities.Count; i++)
        {
            var node = definition.Root.Activities[i] ?? throw Wrong($"root.activities[{i}]", "an activity cannot be empty.");
            if (node.Designer is { } at && !(double.IsFinite(at.X) && double.IsFinite(at.Y)))
                throw Wrong($"root.activities[{i}].designer", "x and y must be numbers.");
        }
        for (var i = 0; i < definition.Root.Connections.Count; i++)
        {
            var connection = definition.Root.Connections[i];
            if (connection?.Source is not { Activity: not null, Port: not null } || connection.Target is not { Activity: not null, Port: not null })
                throw Wrong($"root.connections[{i}]", "a connection needs a source and a target, each with an activity and a port.");
        }
        return definition;
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
