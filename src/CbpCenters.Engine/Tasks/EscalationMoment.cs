using System.Globalization;
using System.Text.Json.Nodes;
using CbpCenters.Engine.Calendar;

namespace CbpCenters.Engine.Tasks;

/// <summary>
/// When an escalation step fires: <c>75%</c> (of the time from creation to due), <c>due</c>, <c>due+P10BD</c>,
/// <c>due-P2BD</c>, <c>created+P5BD</c>, or a date of the case such as <c>case.decisionLimit-P60D</c> (the start
/// of that day at the Center: the 2-year protest limit does not move when a task is reassigned or created late).
/// Durations count in the Center's time zone and business calendar.
/// </summary>
public readonly record struct EscalationMoment(string Anchor, int Percent, int Sign, WorkDuration Offset, string? Field = null)
{
    public const string Created = "created";
    public const string Due = "due";
    public const string Share = "percent";
    public const string Case = "case";
    private const string CasePrefix = Case + ".";

    public bool NeedsDue => Anchor is Due or Share;

    public static bool TryParse(string? text, out EscalationMoment moment, out string? error)
    {
        moment = default;
        error = null;
        var at = text?.Trim() ?? "";
        if (at.EndsWith('%'))
        {
            if (int.TryParse(at[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent) && percent is >= 1 and <= 100)
            {
                moment = new(Share, percent, 0, default);
                return true;
            }
            error = $"'{at}' is not a share of the time to the due date; write a whole percentage from 1% to 100%.";
            return false;
        }
        if (at.StartsWith(CasePrefix, StringComparison.Ordinal))
        {
            var field = new string([.. at[CasePrefix.Length..].TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c == '_')]);
            var rest = at[(CasePrefix.Length + field.Length)..];
            var caseSign = rest.Length == 0 ? 1 : rest[0] switch { '+' => 1, '-' => -1, _ => 0 };
            if (field.Length == 0 || caseSign == 0)
            {
                error = $"'{at}' is not a date of the case; write case.<field>, e.g. case.decisionLimit or case.decisionLimit-P60D.";
                return false;
            }
            var caseOffset = default(WorkDuration);
            if (rest.Length > 0 && !WorkDuration.TryParse(rest[1..], out caseOffset, out var caseError))
            {
                error = $"'{at}': {caseError}";
                return false;
            }
            moment = new(Case, 0, rest.Length == 0 ? 0 : caseSign, caseOffset, field);
            return true;
        }
        foreach (var anchor in new[] { Due, Created })
        {
            if (!at.StartsWith(anchor, StringComparison.Ordinal)) continue;
            var rest = at[anchor.Length..];
            if (rest.Length == 0)
            {
                moment = new(anchor, 0, 0, default);
                return true;
            }
            var sign = rest[0] switch { '+' => 1, '-' => -1, _ => 0 };
            if (sign == 0 || (anchor == Created && sign < 0))
                break;
            if (!WorkDuration.TryParse(rest[1..], out var offset, out var durationError))
            {
                error = $"'{at}': {durationError}";
                return false;
            }
            moment = new(anchor, 0, sign, offset);
            return true;
        }
        error = $"'{at}' is not an escalation moment; write 75%, due, due+P10BD, due-P2BD, created+P5BD or case.decisionLimit-P60D.";
        return false;
    }

    /// <summary>
    /// The instant of this moment for a task created at <paramref name="created"/> and due at <paramref name="due"/>,
    /// on a case with <paramref name="caseData"/>; null when the moment is a case date the case does not have.
    /// A percentage is of the elapsed time; when it falls on a weekend or holiday it moves back to the same
    /// local time on the business day before (never before creation), so a reminder is never later than its share.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The task has no due date and the moment needs one, or the moment falls outside years 1 to 9999 (a case date
    /// far in the future or past); either way the message says so in words, for the instance's incident.
    /// </exception>
    public DateTimeOffset? InstantFor(DateTimeOffset created, DateTimeOffset? due, TimeZoneInfo zone, BusinessCalendar calendar, JsonObject? caseData = null)
    {
        if (NeedsDue && due is null) throw new InvalidOperationException($"Escalation at '{this}' needs the task's due date, and it has none.");
        try
        {
            return At(created, due, zone, calendar, caseData);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new InvalidOperationException($"Escalation at '{this}' falls outside the calendar (years 1 to 9999); check the date it counts from.");
        }
    }

    private DateTimeOffset? At(DateTimeOffset created, DateTimeOffset? due, TimeZoneInfo zone, BusinessCalendar calendar, JsonObject? caseData)
    {
        var anchor = Anchor switch
        {
            Due => due!.Value,
            Case when CaseDate(caseData, zone) is { } date => ZonedTime.ToUtc(date.ToDateTime(TimeOnly.MinValue), zone),
            Case => (DateTimeOffset?)null,
            _ => created,
        };
        return Anchor switch
        {
            Share => ShareOf(created, due!.Value, zone, calendar),
            _ when anchor is null => null,
            _ when Sign < 0 => Before(Offset, anchor.Value, zone, calendar),
            _ => Offset.AddTo(anchor.Value, zone, calendar),
        };
    }

    /// <summary>The case field this moment counts from, read as a date: yyyy-MM-dd, or an instant's date at the Center.</summary>
    private DateOnly? CaseDate(JsonObject? caseData, TimeZoneInfo zone)
    {
        var text = caseData?[Field!] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? DateOnly.FromDateTime(ZonedTime.ToLocal(instant, zone))
            : null;
    }

    public override string ToString()
    {
        var anchor = Anchor == Case ? CasePrefix + Field : Anchor;
        return Anchor switch
        {
            Share => $"{Percent}%",
            _ when Sign == 0 => anchor,
            _ => $"{anchor}{(Sign < 0 ? '-' : '+')}{Offset}",
        };
    }

    private DateTimeOffset ShareOf(DateTimeOffset created, DateTimeOffset due, TimeZoneInfo zone, BusinessCalendar calendar)
    {
        var instant = created + (due - created) * (Percent / 100.0);
        var local = ZonedTime.ToLocal(instant, zone);
        var date = DateOnly.FromDateTime(local);
        while (!calendar.IsBusinessDay(date)) date = date.AddDays(-1);
        var moved = ZonedTime.ToUtc(date.ToDateTime(TimeOnly.FromDateTime(local)), zone);
        return moved < created ? instant.ToUniversalTime() : moved;
    }

    /// <summary>The instant <paramref name="duration"/> before <paramref name="from"/>: the reverse of <see cref="WorkDuration.AddTo"/>.</summary>
    private static DateTimeOffset Before(WorkDuration duration, DateTimeOffset from, TimeZoneInfo zone, BusinessCalendar calendar)
    {
        var result = from.ToUniversalTime() - duration.Time;
        if (duration.Years == 0 && duration.Months == 0 && duration.Days == 0 && duration.BusinessDays == 0) return result;
        var local = ZonedTime.ToLocal(result, zone);
        var date = DateOnly.FromDateTime(local);
        for (var left = duration.BusinessDays; left > 0;)
        {
            date = date.AddDays(-1);
            if (calendar.IsBusinessDay(date)) left--;
        }
        var moved = date.ToDateTime(TimeOnly.FromDateTime(local)).AddDays(-duration.Days).AddMonths(-duration.Months).AddYears(-duration.Years);
        return ZonedTime.ToUtc(moved, zone);
    }
}
