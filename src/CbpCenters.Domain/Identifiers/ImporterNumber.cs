using System.Diagnostics.CodeAnalysis;

namespace CbpCenters.Domain.Identifiers;

/// <summary>
/// An importer of record number (CBP Form 5106, 19 CFR 24.5) in one of three forms: IRS number with a
/// 2-character suffix <c>NN-NNNNNNNXX</c>, Social Security number <c>NNN-NN-NNNN</c>, or CBP-assigned
/// <c>YYDDPP-NNNNN</c>. The dashes are required: they are what tells an IRS number with suffix 00 from a
/// CBP-assigned number of the same digits. <see cref="Value"/> is upper case.
/// <c>default(ImporterNumber)</c> is not an importer number: its <see cref="Value"/> is empty.
/// </summary>
public readonly record struct ImporterNumber
{
    private readonly string? _value;

    private ImporterNumber(string value, ImporterNumberKind kind)
    {
        _value = value;
        Kind = kind;
    }

    /// <summary>The canonical text, for example <c>12-3456789AB</c>.</summary>
    public string Value => _value ?? string.Empty;

    public ImporterNumberKind Kind { get; }

    /// <summary>
    /// Reads an importer number. On failure <paramref name="error"/> names the rule broken, for example
    /// "importer number suffix may not contain the letters O, I or Z".
    /// </summary>
    public static bool TryParse(string? text, out ImporterNumber value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "importer number is required";
            return false;
        }

        var s = text.Trim().ToUpperInvariant();
        error = s switch
        {
            { Length: 12 } when s[2] == '-' => IrsRuleBroken(s),
            { Length: 11 } when s[3] == '-' && s[6] == '-' => DigitsRuleBroken(s, "Social Security number", "NNN-NN-NNNN"),
            { Length: 12 } when s[6] == '-' => DigitsRuleBroken(s, "CBP-assigned number", "YYDDPP-NNNNN"),
            _ => $"importer number '{text}' must have the form NN-NNNNNNNXX (IRS number and suffix), "
                + "NNN-NN-NNNN (Social Security number) or YYDDPP-NNNNN (CBP-assigned number)",
        };
        if (error is not null)
        {
            return false;
        }

        var kind = s.Length == 11 ? ImporterNumberKind.Ssn
            : s[2] == '-' ? ImporterNumberKind.Irs
            : ImporterNumberKind.CbpAssigned;
        value = new ImporterNumber(s, kind);
        return true;
    }

    /// <exception cref="FormatException">The text is not an importer number; the message names the rule.</exception>
    public static ImporterNumber Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    public override string ToString() => Value;

    private static string? IrsRuleBroken(string s)
    {
        var irsNumber = s[..2] + s[3..10];
        var suffix = s[10..];
        if (!irsNumber.All(char.IsAsciiDigit))
        {
            return $"importer number IRS number must be 9 digits in the form NN-NNNNNNN, not '{s[..10]}'";
        }

        if (!suffix.All(char.IsAsciiLetterOrDigit))
        {
            return $"importer number suffix must be 2 letters or digits, not '{suffix}'";
        }

        if (suffix.AsSpan().IndexOfAny("OIZ") >= 0)
        {
            return "importer number suffix may not contain the letters O, I or Z";
        }

        return null;
    }

    private static string? DigitsRuleBroken(string s, string form, string pattern)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var fits = pattern[i] == '-' ? s[i] == '-' : char.IsAsciiDigit(s[i]);
            if (!fits)
            {
                return $"importer number {form} must be digits in the form {pattern}, not '{s}'";
            }
        }

        return null;
    }
}
