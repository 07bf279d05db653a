using System.Net.Mail;
using System.Text.Json.Nodes;
using CbpCenters.Domain.Identifiers;

namespace CbpCenters.Domain.Cases;

/// <summary>
/// Checks shared by every filing and by what a filer sends later (an answer to a CBP Form 28); each failure
/// names the field and the rule. Free text is bounded by one rule: a name at most <see cref="NameLength"/>
/// characters, anything longer (a description, an explanation, a question) at most <see cref="TextLength"/>,
/// as a task comment is.
/// </summary>
public static class Filing
{
    public const int NameLength = 200;
    public const int TextLength = 4000;

    /// <summary>The longest address a mailbox can have: a 64-character local part, @, a 255-character domain.</summary>
    public const int EmailLength = 320;

    public static string Required(string? value, string field, int maxLength = TextLength) =>
        string.IsNullOrWhiteSpace(value) ? throw new CaseFieldException(field, $"{field} is required.") : Bounded(value.Trim(), field, maxLength);

    /// <summary>Text the filer may leave out; blank counts as left out.</summary>
    public static string? Optional(string? value, string field, int maxLength = TextLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Bounded(value.Trim(), field, maxLength);

    /// <summary>Text the filer may leave out, but not send empty: an empty name would stand in for the real one.</summary>
    public static string? IfGiven(string? value, string field, int maxLength = TextLength) =>
        value is null ? null
        : string.IsNullOrWhiteSpace(value) ? throw new CaseFieldException(field, $"{field} is empty: fill it in or leave it out.")
        : Bounded(value.Trim(), field, maxLength);

    public static bool Required(bool? value, string field) =>
        value ?? throw new CaseFieldException(field, $"{field} is required (true or false).");

    public static DateOnly Required(DateOnly? value, string field) =>
        value ?? throw new CaseFieldException(field, $"{field} is required (a date, yyyy-MM-dd).");

    public static EntryNumber Entry(string? value, string field) =>
        EntryNumber.TryParse(Required(value, field), out var n, out var error) ? n : throw new CaseFieldException(field, error!);

    public static PortCode Port(string? value, string field) =>
        PortCode.TryParse(Required(value, field), out var p, out var error) ? p : throw new CaseFieldException(field, error!);

    public static HtsNumber Hts(string? value, string field) =>
        HtsNumber.TryParse(value, out var hts, out var error) ? hts : throw new CaseFieldException(field, error!);

    public static string EntryType(string? value, string field)
    {
        var code = Required(value, field, 10);
        return EntryTypes.Known.Contains(code)
            ? code
            : throw new CaseFieldException(field, $"'{code}' is not an entry type: two digits, e.g. 01 (consumption), 11 (informal), 21 (warehouse), 23 (TIB).");
    }

    public static string Email(string? value, string field)
    {
        var text = Required(value, field, EmailLength);
        return MailAddress.TryCreate(text, out var address) && address.Address == text
            ? text
            : throw new CaseFieldException(field, $"'{text}' is not an email address.");
    }

    public static string? OptionalEmail(string? value, string field) => string.IsNullOrWhiteSpace(value) ? null : Email(value, field);

    public static void NotAfter(DateOnly value, DateOnly today, string field)
    {
        if (value > today) throw new CaseFieldException(field, $"{field} ({value:yyyy-MM-dd}) is in the future.");
    }

    public static IReadOnlyList<GoodsLineData> Lines(IReadOnlyList<Routing.GoodsLine>? lines, string field)
    {
        var result = new List<GoodsLineData>();
        for (var i = 0; i < (lines?.Count ?? 0); i++)
        {
            var line = lines![i];
            var hts = Hts(line.HtsNumber, $"{field}[{i}].htsNumber");
            var value = line.Value ?? throw new CaseFieldException($"{field}[{i}].value", "value is required: the line's value in US dollars.");
            if (value < 0) throw new CaseFieldException($"{field}[{i}].value", "value cannot be negative.");
            Optional(line.Description, $"{field}[{i}].description");
            result.Add(new GoodsLineData(hts.Value, value));
        }
        return result;
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd");

    public static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];

    private static string Bounded(string text, string field, int maxLength) =>
        text.Length <= maxLength ? text : throw new CaseFieldException(field, $"{field} is at most {maxLength} characters; this one has {text.Length}.");
}
