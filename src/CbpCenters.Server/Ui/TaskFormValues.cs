using System.Globalization;
using System.Text.Json.Nodes;
using CbpCenters.Engine.Tasks;

namespace CbpCenters.Server.Ui;

/// <summary>
/// What a person typed into an outcome's form, by field, turned into the JSON the task service checks. Empty
/// fields are left out, so a missing required field is reported by the service's own rule, next to the field.
/// </summary>
public sealed class TaskFormValues
{
    public Dictionary<string, string?> Text { get; } = [];
    public Dictionary<string, decimal?> Numbers { get; } = [];
    public Dictionary<string, DateTime?> Dates { get; } = [];
    public Dictionary<string, bool> Flags { get; } = [];

    public JsonObject ToJson(TaskOutcome outcome)
    {
        var data = new JsonObject();
        foreach (var field in outcome.Form)
        {
            JsonNode? value = field.Type switch
            {
                FormFieldTypes.Number or FormFieldTypes.Money => Numbers.GetValueOrDefault(field.Field) is { } n ? JsonValue.Create(n) : null,
                FormFieldTypes.Date => Dates.GetValueOrDefault(field.Field) is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                FormFieldTypes.Boolean => JsonValue.Create(Flags.GetValueOrDefault(field.Field)),
                _ => Text.GetValueOrDefault(field.Field) is { Length: > 0 } s && !string.IsNullOrWhiteSpace(s) ? s : null,
            };
            if (value is not null) data[field.Field] = value;
        }
        return data;
    }
}
