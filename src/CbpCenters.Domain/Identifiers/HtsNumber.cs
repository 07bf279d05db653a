using System.Diagnostics.CodeAnalysis;

namespace CbpCenters.Domain.Identifiers;

/// <summary>
/// A 10-digit Harmonized Tariff Schedule number: 8-digit tariff line and 2-digit statistical suffix.
/// Parsing accepts <c>8471300100</c>, <c>8471.30.0100</c> and <c>8471.30.01.00</c>; <see cref="Value"/>
/// is always the 10 digits, so the spellings are equal. <c>default(HtsNumber)</c> is not an HTS number:
/// its <see cref="Value"/> is empty.
/// </summary>
public readonly record struct HtsNumber
{
    private readonly string? _value;

    private HtsNumber(string value) => _value = value;

    /// <summary>The 10 digits, for example <c>8471300100</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The chapter, 1–99 (84 for 8471.30.0100).</summary>
    public int Chapter => Value.Length == 10 ? ((Value[0] - '0') * 10) + (Value[1] - '0') : 0;

    /// <summary>The 4-digit heading, for example <c>8471</c>.</summary>
    public string Heading => Value.Length == 10 ? Value[..4] : string.Empty;

    /// <summary>The 8-digit tariff line that carries the duty rate, for example <c>84713001</c>.</summary>
    public string TariffLine => Value.Length == 10 ? Value[..8] : string.Empty;

    /// <summary>The 2-digit statistical suffix, for example <c>00</c>.</summary>
    public string StatisticalSuffix => Value.Length == 10 ? Value[8..] : string.Empty;

    /// <summary>The number as the HTSUS prints it, for example <c>8471.30.0100</c>.</summary>
    public string Dotted => Value.Length == 10 ? $"{Value[..4]}.{Value[4..6]}.{Value[6..]}" : string.Empty;

    /// <summary>Reads an HTS number. On failure <paramref name="error"/> names the rule broken.</summary>
    public static bool TryParse(string? text, out HtsNumber value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "HTS number is required";
            return false;
        }

        var s = text.Trim();
        var digits = s.Length switch
        {
            10 => s,
            12 when s[4] == '.' && s[7] == '.' => s.Remove(7, 1).Remove(4, 1),
            13 when s[4] == '.' && s[7] == '.' && s[10] == '.' => s.Remove(10, 1).Remove(7, 1).Remove(4, 1),
            _ => null,
        };
        if (digits is null || !digits.All(char.IsAsciiDigit))
        {
            error = $"HTS number '{text}' must be 10 digits, written as 8471300100, 8471.30.0100 or 8471.30.01.00";
            return false;
        }

        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            error = "HTS number chapter 00 does not exist: chapters run from 01 to 99";
            return false;
        }

        value = new HtsNumber(digits);
        error = null;
        return true;
    }

    /// <exception cref="FormatException">The text is not an HTS number; the message names the rule.</exception>
    public static HtsNumber Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    public override string ToString() => Value;
}
