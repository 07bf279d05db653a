using System.Diagnostics.CodeAnalysis;

namespace CbpCenters.Domain.Identifiers;

/// <summary>
/// A CBP entry number, <c>XXX-NNNNNNN-C</c>: 3-character filer code, 7-digit serial and a check digit
/// (ACE CATAIR Appendix E; CBP Form 7501 instructions). Parsing accepts the number with or without dashes
/// and in either case; <see cref="Value"/> is always the upper-case dashed form, so two spellings of one
/// entry are equal. A parsed value always has a correct check digit. <c>default(EntryNumber)</c> is not
/// an entry number: its <see cref="Value"/> is empty.
/// </summary>
public readonly record struct EntryNumber
{
    private const int CanonicalLength = 13;

    private readonly string? _value;

    private EntryNumber(string value) => _value = value;

    /// <summary>The canonical text, for example <c>ABC-1234567-6</c>.</summary>
    public string Value => _value ?? string.Empty;

    public string FilerCode => Value.Length == CanonicalLength ? Value[..3] : string.Empty;

    public string Serial => Value.Length == CanonicalLength ? Value[4..11] : string.Empty;

    public char CheckDigit => Value.Length == CanonicalLength ? Value[12] : '\0';

    /// <summary>
    /// Reads an entry number. On failure <paramref name="error"/> names the rule broken, for example
    /// "entry number check digit is 6, not 5".
    /// </summary>
    public static bool TryParse(string? text, out EntryNumber value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "entry number is required";
            return false;
        }

        var s = text.Trim().ToUpperInvariant();
        var compact = s.Length switch
        {
            CanonicalLength when s[3] == '-' && s[11] == '-' => s.Replace("-", string.Empty, StringComparison.Ordinal),
            11 => s,
            _ => null,
        };
        if (compact is null || compact.Length != 11)
        {
            error = $"entry number '{text}' must have the form XXX-NNNNNNN-C: "
                + "a 3-character filer code, a 7-digit serial and a check digit";
            return false;
        }

        var filerCode = compact[..3];
        var serial = compact[3..10];
        var given = compact[10];
        if (!filerCode.All(char.IsAsciiLetterOrDigit))
        {
            error = $"entry number filer code must be 3 letters or digits, not '{filerCode}'";
            return false;
        }

        if (!serial.All(char.IsAsciiDigit))
        {
            error = $"entry number serial must be 7 digits, not '{serial}'";
            return false;
        }

        if (!char.IsAsciiDigit(given))
        {
            error = $"entry number check digit must be a digit, not '{given}'";
            return false;
        }

        var computed = ComputeCheckDigit(filerCode + serial);
        if (computed != given)
        {
            error = $"entry number check digit is {computed}, not {given}";
            return false;
        }

        value = new EntryNumber($"{filerCode}-{serial}-{given}");
        error = null;
        return true;
    }

    /// <exception cref="FormatException">The text is not a valid entry number; the message names the rule.</exception>
    public static EntryNumber Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>
    /// The check digit of a filer code and serial written together (10 characters, no dashes). Letters count
    /// as digits (A–I → 1–9, J–R → 1–9, S–Z → 2–9); then the Luhn rule: every second digit from the left is
    /// doubled, a product over 9 loses 9, and the check digit brings the sum to a multiple of 10.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not 10 letters or digits.</exception>
    public static char ComputeCheckDigit(string filerCodeAndSerial)
    {
        ArgumentNullException.ThrowIfNull(filerCodeAndSerial);
        if (filerCodeAndSerial.Length != 10 || !filerCodeAndSerial.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException(
                "a filer code and serial are 10 letters or digits, such as ABC1234567", nameof(filerCodeAndSerial));
        }

        var sum = 0;
        for (var i = 0; i < filerCodeAndSerial.Length; i++)
        {
            var digit = DigitOf(filerCodeAndSerial[i]);
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    public override string ToString() => Value;

    private static int DigitOf(char c) => char.ToUpperInvariant(c) switch
    {
        >= '0' and <= '9' and var d => d - '0',
        >= 'A' and <= 'I' and var l => l - 'A' + 1,
        >= 'J' and <= 'R' and var l => l - 'J' + 1,
        var l => l - 'S' + 2,
    };
}
