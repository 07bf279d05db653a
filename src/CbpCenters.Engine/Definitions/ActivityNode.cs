using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CbpCenters.Engine.Definitions;

/// <summary>
/// One activity of a flowchart: its id, its type and its properties. Properties stay JSON so that the
/// designer round-trips whatever a definition carries, including properties a newer version added.
/// </summary>
[JsonConverter(typeof(ActivityNodeConverter))]
public sealed class ActivityNode
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public DesignerPosition? Designer { get; set; }
    public JsonObject Properties { get; set; } = [];

    public JsonNode? Property(string name) => Properties.TryGetPropertyValue(name, out var v) ? v : null;

    public string? StringProperty(string name) =>
        Property(name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public bool BoolProperty(string name) =>
        Property(name) is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}

internal sealed class ActivityNodeConverter : JsonConverter<ActivityNode>
{
    public override ActivityNode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var obj = JsonNode.Parse(ref reader) as JsonObject
            ?? throw new JsonException("An activity must be a JSON object.");
        var node = new ActivityNode();
        foreach (var (name, value) in obj.ToList())
        {
            obj.Remove(name);
            switch (name)
            {
                case "id": node.Id = value?.GetValue<string>() ?? ""; break;
                case "type": node.Type = value?.GetValue<string>() ?? ""; break;
                case "designer": node.Designer = value?.Deserialize<DesignerPosition>(options); break;
                default: node.Properties[name] = value; break;
            }
        }
        return node;
    }

    public override void Write(Utf8JsonWriter writer, ActivityNode value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        writer.WriteString("type", value.Type);
        foreach (var (name, property) in value.Properties)
        {
            writer.WritePropertyName(name);
            if (property is null) writer.WriteNullValue();
            else property.WriteTo(writer, options);
        }
        if (value.Designer is not null)
        {
            writer.WritePropertyName("designer");
            JsonSerializer.Serialize(writer, value.Designer, options);
        }
        writer.WriteEndObject();
    }
}
