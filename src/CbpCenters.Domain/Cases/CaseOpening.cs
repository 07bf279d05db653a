using System.Net.Mail;
using System.Text.Json.Nodes;
using CbpCenters.Domain.Identifiers;

namespace CbpCenters.Domain.Cases;

/// <summary>A deadline the case carries: statutory (law) or internal (Center target), with its source.</summary>
public sealed record CaseDeadline(string Name, DateOnly Date, bool Statutory, string Source);

/// <summary>
/// What a valid filing becomes: the case's kind, its reference (protest number, entry number...), its data
/// (the <c>case</c> workflows and notices read, in camelCase, dates of law as yyyy-MM-dd) and its deadlines.
/// </summary>
public sealed record CaseOpening(string Kind, string Reference, JsonObject Data, IReadOnlyList<CaseDeadline> Deadlines, IReadOnlyList<GoodsLineData> Lines);

public sealed record GoodsLineData(string HtsNumber, decimal Value);

/// <summary>Checks shared by every filing; each failure names the field and the rule.</summary>
internal static class Filing
{
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new CaseFieldException(field, $"{field} is required.") : value.Trim();

    public static DateOnly Required(DateOnly? value, string field) =>
        value ?? throw new CaseFieldException(field, $"{field} is required (a date, yyyy-MM-dd).");

    public static EntryNumber Entry(string? value, string field) =>
        EntryNumber.TryParse(Required(value, field), out var n, out var error) ? n : throw new CaseFieldException(field, error!);

    public static PortCode Port(string? value, string field) =>
        PortCode.TryParse(Required(value, field), out var p, out var error) ? p : throw new CaseFieldException(field, error!);

    public static string Email(string? value, string field)
    {
        var text = Required(value, field);
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
            if (!HtsNumber.TryParse(line.HtsNumber, out var hts, out var error)) throw new CaseFieldException($"{field}[{i}].htsNumber", error!);
            if (line.Value < 0) throw new CaseFieldException($"{field}[{i}].value", "value cannot be negative.");
            result.Add(new GoodsLineData(hts.Value, line.Value));
        }
        return result;
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd");

    public static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];
}
