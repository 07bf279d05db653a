using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CbpCenters.Engine.Tasks;

public static class FormFieldTypes
{
    public const string Text = "text";
    public const string TextArea = "textarea";
    public const string Number = "number";
    public const string Money = "money";
    public const string Date = "date";
    public const string Boolean = "boolean";
    public const string Select = "select";
    public const string Email = "email";
    public static readonly string[] All = [Text, TextArea, Number, Money, Date, Boolean, Select, Email];
}

/// <summary>
/// The outcomes of a task and the form each one asks for, as written in the definition, and the check of what a
/// person submits. The check runs before anything is written, so a rejected completion changes nothing.
/// </summary>
public static class TaskForm
{
    /// <summary>The <c>outcomes</c> property as written: <c>[{name, label, form: [{field, label, type, required, allowedValues, maxLength}]}]</c>.</summary>
    public static List<TaskOutcome> ReadOutcomes(JsonNode? outcomes) =>
        outcomes is JsonArray ? outcomes.Deserialize<List<TaskOutcome>>(JsonSerializerOptions.Web) ?? [] : [];

    /// <summary>Design errors of the <c>outcomes</c> property, one sentence each.</summary>
    public static IEnumerable<string> DesignProblems(JsonNode? outcomes)
    {
        if (outcomes is not JsonArray { Count: > 0 })
        {
            yield return "property 'outcomes' must list at least one outcome: [{\"name\": \"Approve\"}].";
            yield break;
        }
        List<TaskOutcome> read;
        string? error = null;
        try { read = ReadOutcomes(outcomes); }
        catch (JsonException ex) { read = []; error = ex.Message; }
        if (error is not null)
        {
            yield return $"property 'outcomes' is not a list of {{name, label, form}}: {error}";
            yield break;
        }
        foreach (var outcome in read.Where(o => string.IsNullOrWhiteSpace(o.Name)))
            yield return "every outcome needs a name.";
        foreach (var twice in read.GroupBy(o => o.Name).Where(g => g.Key.Length > 0 && g.Count() > 1))
            yield return $"outcome '{twice.Key}' appears more than once.";
        foreach (var outcome in read)
        {
            foreach (var field in outcome.Form.Where(f => string.IsNullOrWhiteSpace(f.Field)))
                yield return $"outcome '{outcome.Name}': every form field needs a 'field' name.";
            foreach (var twice in outcome.Form.GroupBy(f => f.Field).Where(g => g.Key.Length > 0 && g.Count() > 1))
                yield return $"outcome '{outcome.Name}': form field '{twice.Key}' appears more than once.";
            foreach (var field in outcome.Form)
            {
                if (!FormFieldTypes.All.Contains(field.Type))
                    yield return $"outcome '{outcome.Name}': field '{field.Field}' has type '{field.Type}'; use one of {string.Join(", ", FormFieldTypes.All)}.";
                if (field.Type == FormFieldTypes.Select && field.AllowedValues is not { Count: > 0 })
                    yield return $"outcome '{outcome.Name}': select field '{field.Field}' needs allowedValues.";
                if (field.MaxLength is <= 0)
                    yield return $"outcome '{outcome.Name}': field '{field.Field}' has maxLength {field.MaxLength}; it must be positive.";
            }
        }
    }

    /// <summary>
    /// Checks a completion: the outcome exists, every required field of its form is present and non-empty, each
    /// value has its field's type, and no field outside the form is sent.
    /// </summary>
    /// <exception cref="TaskValidationException">Naming <c>outcome</c> or <c>data.&lt;field&gt;</c> and the rule broken.</exception>
    public static TaskOutcome Check(IReadOnlyList<TaskOutcome> outcomes, string? outcome, JsonObject? data)
    {
        var names = string.Join(", ", outcomes.Select(o => o.Name));
        if (string.IsNullOrWhiteSpace(outcome))
            throw new TaskValidationException("outcome", $"Choose an outcome: {names}.");
        var chosen = outcomes.FirstOrDefault(o => o.Name == outcome)
            ?? throw new TaskValidationException("outcome", $"'{outcome}' is not an outcome of this task; choose one of {names}.");
        data ??= [];
        foreach (var (name, _) in data)
            if (chosen.Form.All(f => f.Field != name))
                throw new TaskValidationException($"data.{name}", $"'{name}' is not a field of the {chosen.Label ?? chosen.Name} form.");
        foreach (var field in chosen.Form)
        {
            var value = data[field.Field];
            if (IsEmpty(value))
            {
                if (field.Required)
                    throw new TaskValidationException($"data.{field.Field}", $"{field.Label ?? field.Field} is required to {chosen.Label ?? chosen.Name}.");
                continue;
            }
            if (Problem(field, value!) is { } problem)
                throw new TaskValidationException($"data.{field.Field}", $"{field.Label ?? field.Field} {problem}.");
        }
        return chosen;
    }

    private static bool IsEmpty(JsonNode? value) =>
        value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s));

    /// <summary>What is wrong with a non-empty value, completing the sentence "Amount ...", or null.</summary>
    private static string? Problem(FormField field, JsonNode value)
    {
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (text is not null && field.MaxLength is { } max && text.Length > max)
            return $"must be at most {max} characters; it has {text.Length}";
        switch (field.Type)
        {
            case FormFieldTypes.Number:
                return Number(value) is null ? "must be a number" : null;
            case FormFieldTypes.Money:
                return Number(value) switch
                {
                    null => "must be an amount of money, like 1234.56",
                    var amount when decimal.Round(amount.Value, 2) != amount => "must not have fractions of a cent",
                    _ => null,
                };
            case FormFieldTypes.Date:
                return text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null : "must be a date written yyyy-MM-dd";
            case FormFieldTypes.Boolean:
                return (value is JsonValue b && b.TryGetValue<bool>(out _)) || text is "true" or "false" ? null : "must be true or false";
            case FormFieldTypes.Email:
                return text is not null && MailAddress.TryCreate(text, out var address) && address.Address == text
                    ? null : "must be an email address like name@cbp.dhs.gov";
            case FormFieldTypes.Select:
                return text is not null && (field.AllowedValues ?? []).Contains(text)
                    ? null : $"must be one of {string.Join(", ", field.AllowedValues ?? [])}";
            default:
                return text is null ? "must be text" : null;
        }
    }

    private static decimal? Number(JsonNode value)
    {
        if (value is not JsonValue v) return null;
        if (v.GetValueKind() == JsonValueKind.Number)
            return v.TryGetValue<decimal>(out var number) ? number : v.TryGetValue<double>(out var d) && Math.Abs(d) < 1e28 ? (decimal)d : null;
        const NumberStyles plain = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        return v.TryGetValue<string>(out var text) && decimal.TryParse(text, plain, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }
}
