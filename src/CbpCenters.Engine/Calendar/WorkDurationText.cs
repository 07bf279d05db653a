using System.Globalization;

namespace CbpCenters.Engine.Calendar;

/// <summary>
/// Reads the text form of <see cref="WorkDuration"/>. Every failure gives one sentence that quotes the text
/// and names the rule it breaks, fit to show to whoever wrote the workflow definition.
/// </summary>
internal static class WorkDurationText
{
    public const string BusinessDaysMixRule =
        "business days (BD) may be combined only with a time part, as in P2BDT4H";

    /// <summary>
    /// No part may be more than a hundred years' worth. A workflow never waits that long, and the bound keeps every
    /// due date a definition can produce (a few centuries from now at most) inside the calendar, so a slip such as
    /// P99999Y is refused when the definition is checked rather than faulting an instance once it runs.
    /// </summary>
    public const string LimitRule =
        "no part may be more than 100 years (at most 100Y, 1200M, 5200W, 36500D or 26000BD, and after T 876000H, 52560000M or 3153600000S)";

    private const string Expected = "expected ISO-8601 like P30D, P5BD or PT4H";

    /// <summary>The largest amount of each <see cref="Unit"/>, in its order: a hundred years of it.</summary>
    private static readonly long[] Limits = [100, 1_200, 5_200, 36_500, 26_000, 876_000, 52_560_000, 3_153_600_000];

    private enum Unit
    {
        Years,
        Months,
        Weeks,
        Days,
        BusinessDays,
        Hours,
        Minutes,
        Seconds,
    }

    public static bool TryParse(string? text, out WorkDuration value, out string? error)
    {
        value = default;
        error = Read(text, out var parts);
        if (error is not null)
        {
            return false;
        }

        // The limits keep every sum below in range: 5200W + 36500D is 72900 days, the time part under 300 years.
        value = new WorkDuration(
            (int)parts[(int)Unit.Years],
            (int)parts[(int)Unit.Months],
            (int)((parts[(int)Unit.Weeks] * 7) + parts[(int)Unit.Days]),
            (int)parts[(int)Unit.BusinessDays],
            TimeSpan.FromSeconds((parts[(int)Unit.Hours] * 3600) + (parts[(int)Unit.Minutes] * 60) + parts[(int)Unit.Seconds]));
        return true;
    }

    /// <summary>Splits the text into an amount per unit; returns the error sentence, or null when it is well formed.</summary>
    private static string? Read(string? text, out long[] parts)
    {
        parts = new long[Enum.GetValues<Unit>().Length];
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"a duration is required: {Expected}";
        }

        var s = text.Trim().ToUpperInvariant();
        if (s[0] == '-')
        {
            return $"'{text}' is not a duration: negative durations are not allowed";
        }

        if (s[0] != 'P' || s.Length == 1)
        {
            return NotADuration(text, Expected);
        }

        var seen = new bool[parts.Length];
        var lastUnit = -1;
        var inTime = false;
        var i = 1;
        while (i < s.Length)
        {
            if (s[i] == 'T')
            {
                if (inTime)
                {
                    return NotADuration(text, "T may appear only once, before the hours, minutes and seconds");
                }

                inTime = true;
                i++;
                if (i == s.Length)
                {
                    return NotADuration(text, "T must be followed by hours, minutes or seconds, as in PT4H");
                }

                continue;
            }

            var digitsStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == digitsStart)
            {
                return NotADuration(text, Expected);
            }

            var digits = s[digitsStart..i];
            if (i < s.Length && s[i] is '.' or ',')
            {
                return NotADuration(text, "fractions are not allowed; use a smaller unit, as in PT36H for a day and a half");
            }

            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                amount = long.MaxValue;
            }

            if (i == s.Length)
            {
                return NotADuration(text, $"{digits} has no unit; units are Y, M, W, D, BD, and after T: H, M, S");
            }

            var (unit, length, misplaced) = ReadUnit(s, i, inTime);
            if (misplaced is not null)
            {
                return NotADuration(text, misplaced);
            }

            if (unit is null)
            {
                return NotADuration(text, Expected);
            }

            var mixesBusinessDays = unit == Unit.BusinessDays
                ? seen[(int)Unit.Years] || seen[(int)Unit.Months] || seen[(int)Unit.Weeks] || seen[(int)Unit.Days]
                : unit < Unit.BusinessDays && seen[(int)Unit.BusinessDays];
            if (mixesBusinessDays)
            {
                return NotADuration(text, BusinessDaysMixRule);
            }

            if ((int)unit <= lastUnit)
            {
                return NotADuration(text, "each unit may appear once, in the order Y, M, W, D (or BD), then T with H, M, S");
            }

            if (amount > Limits[(int)unit])
            {
                return NotADuration(text, LimitRule);
            }

            parts[(int)unit] = amount;
            seen[(int)unit] = true;
            lastUnit = (int)unit;
            i += length;
        }

        return null;
    }

    private static (Unit? Unit, int Length, string? Misplaced) ReadUnit(string s, int i, bool inTime)
    {
        if (!inTime)
        {
            return s[i] switch
            {
                'Y' => (Unit.Years, 1, null),
                'M' => (Unit.Months, 1, null),
                'W' => (Unit.Weeks, 1, null),
                'B' when i + 1 < s.Length && s[i + 1] == 'D' => (Unit.BusinessDays, 2, null),
                'D' => (Unit.Days, 1, null),
                'H' or 'S' => (null, 0, "hours, minutes and seconds belong after T, as in PT4H or PT30M"),
                _ => (null, 0, null),
            };
        }

        return s[i] switch
        {
            'H' => (Unit.Hours, 1, null),
            'M' => (Unit.Minutes, 1, null),
            'S' => (Unit.Seconds, 1, null),
            'Y' or 'W' or 'D' or 'B' => (null, 0, "years, weeks, days and business days belong before T, as in P1DT2H"),
            _ => (null, 0, null),
        };
    }

    private static string NotADuration(string text, string rule) => $"'{text}' is not a duration: {rule}";
}
