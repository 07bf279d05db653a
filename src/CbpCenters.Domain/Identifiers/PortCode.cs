using System.Diagnostics.CodeAnalysis;

namespace CbpCenters.Domain.Identifiers;

/// <summary>
/// A CBP port code, <c>DDPP</c>: 2-digit district and 2-digit port (1001 New York, 2704 Los Angeles,
/// 5501 Dallas/Fort Worth). <c>default(PortCode)</c> is not a port code: its <see cref="Value"/> is empty.
/// </summary>
public readonly record struct PortCode
{
    private readonly string? _value;

    private PortCode(string value) => _value = value;

    /// <summary>The four digits, for example <c>2704</c>.</summary>
    public string Value => _value ?? string.Empty;

    public string District => Value.Length == 4 ? Value[..2] : string.Empty;

    public string Port => Value.Length == 4 ? Value[2..] : string.Empty;

    /// <summary>Reads a port code. On failure <paramref name="error"/> names the rule broken.</summary>
    public static bool TryParse(string? text, out PortCode value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "port code is required";
            return false;
        }

        var s = text.Trim();
        if (s.Length != 4 || !s.All(char.IsAsciiDigit))
        {
            error = $"port code '{text}' must be 4 digits (2-digit district, 2-digit port), as in 2704";
            return false;
        }

        value = new PortCode(s);
        error = null;
        return true;
    }

    /// <exception cref="FormatException">The text is not a port code; the message names the rule.</exception>
    public static PortCode Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    public override string ToString() => Value;
}
