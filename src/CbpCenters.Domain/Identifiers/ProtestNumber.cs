using System.Diagnostics.CodeAnalysis;

namespace CbpCenters.Domain.Identifiers;

/// <summary>
/// A protest number, <c>PPPP-YY-NNNNNN</c>: port code, two-digit year of filing and 6-digit serial
/// (for example 2704-24-100123). Parsing accepts it with or without dashes; <see cref="Value"/> is always
/// the dashed form. <c>default(ProtestNumber)</c> is not a protest number: its <see cref="Value"/> is empty.
/// </summary>
public readonly record struct ProtestNumber
{
    private const int CanonicalLength = 14;

    private readonly string? _value;

    private ProtestNumber(string value) => _value = value;

    /// <summary>The canonical text, for example <c>2704-24-100123</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The port where the protest was filed.</summary>
    public PortCode PortCode => Value.Length == CanonicalLength ? PortCode.Parse(Value[..4]) : default;

    /// <summary>The two-digit year, 0–99 (24 for 2024).</summary>
    public int Year => Value.Length == CanonicalLength ? ((Value[5] - '0') * 10) + (Value[6] - '0') : 0;

    public string Serial => Value.Length == CanonicalLength ? Value[8..] : string.Empty;

    /// <summary>Reads a protest number. On failure <paramref name="error"/> names the rule broken.</summary>
    public static bool TryParse(string? text, out ProtestNumber value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "protest number is required";
            return false;
        }

        var s = text.Trim();
        var compact = s.Length switch
        {
            CanonicalLength when s[4] == '-' && s[7] == '-' => s.Replace("-", string.Empty, StringComparison.Ordinal),
            12 => s,
            _ => null,
        };
        if (compact is null || compact.Length != 12)
        {
            error = $"protest number '{text}' must have the form PPPP-YY-NNNNNN: "
                + "a 4-digit port code, a two-digit year and a 6-digit serial";
            return false;
        }

        var (port, year, serial) = (compact[..4], compact[4..6], compact[6..]);
        if (!port.All(char.IsAsciiDigit))
        {
            error = $"protest number port code must be 4 digits, not '{port}'";
            return false;
        }

        if (!year.All(char.IsAsciiDigit))
        {
            error = $"protest number year must be 2 digits, not '{year}'";
            return false;
        }

        if (!serial.All(char.IsAsciiDigit))
        {
            error = $"protest number serial must be 6 digits, not '{serial}'";
            return false;
        }

        value = new ProtestNumber($"{port}-{year}-{serial}");
        error = null;
        return true;
    }

    /// <exception cref="FormatException">The text is not a protest number; the message names the rule.</exception>
    public static ProtestNumber Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    public override string ToString() => Value;
}
