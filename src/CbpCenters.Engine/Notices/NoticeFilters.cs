using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace CbpCenters.Engine.Notices;

/// <summary>
/// Liquid filters for notices. Dates print the way CBP letters write them ("March 4, 2026"), in the Center's
/// time zone; a value a filter cannot read throws, so a notice never goes out with a raw or empty deadline.
/// </summary>
public static class NoticeFilters
{
    /// <summary>Set in a render's ambient values while the HTML body is rendered.</summary>
    internal const string HtmlMode = "notice.html";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Options with the notice filters registered, shared by every notice render.</summary>
    public static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions { CultureInfo = English, TimeZone = TimeZoneInfo.Utc };
        options.Filters.AddFilter("long_date", LongDate);
        options.Filters.AddFilter("date_time", DateTime);
        options.Filters.AddFilter("add_days", AddDays);
        options.Filters.AddFilter("money", Money);
        options.Filters.AddFilter("line_breaks", LineBreaks);
        options.Filters.AddFilter("one_of", OneOf);
        options.Filters.AddFilter("required", Required);
        return options;
    }

    /// <summary><c>{{ case.decisionLimit | long_date }}</c> → March 4, 2026.</summary>
    private static ValueTask<FluidValue> LongDate(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        input.IsNil() ? Nil : Text(DateOf(input, context, "long_date").ToString("MMMM d, yyyy", English));

    /// <summary><c>{{ task.dueAt | date_time }}</c> → March 4, 2026, 5:00 PM Eastern Standard Time.</summary>
    private static ValueTask<FluidValue> DateTime(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.IsNil()) return Nil;
        var local = TimeZoneInfo.ConvertTime(InstantOf(input, "date_time"), context.TimeZone);
        var zone = context.TimeZone.IsDaylightSavingTime(local) ? context.TimeZone.DaylightName : context.TimeZone.StandardName;
        return Text($"{local.ToString("MMMM d, yyyy, h:mm tt", English)} {zone}");
    }

    /// <summary><c>{{ now | add_days: 30 }}</c> → the Center's date 30 calendar days later, as 2026-04-03.</summary>
    private static ValueTask<FluidValue> AddDays(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.IsNil()) return Nil;
        var days = arguments.At(0);
        if (days.Type != FluidValues.Number)
            throw new NoticeException("add_days needs a number of days, e.g. add_days: 30.");
        return Text(DateOf(input, context, "add_days").AddDays((int)days.ToNumberValue()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary><c>{{ case.lossOfDuties | money }}</c> → $12,345.67.</summary>
    private static ValueTask<FluidValue> Money(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.IsNil()) return Nil;
        decimal amount;
        if (input.Type == FluidValues.Number) amount = input.ToNumberValue();
        else if (!decimal.TryParse(input.ToStringValue(), NumberStyles.Number, CultureInfo.InvariantCulture, out amount))
            throw new NoticeException($"money: '{input.ToStringValue()}' is not an amount.");
        return Text(amount.ToString("C2", English));
    }

    /// <summary>
    /// Keeps a multi-line value's line breaks: <c>&lt;br&gt;</c> between HTML-encoded lines in the HTML body,
    /// the text unchanged in the plain-text body. Only the breaks are markup; every line is still encoded.
    /// </summary>
    private static ValueTask<FluidValue> LineBreaks(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.IsNil()) return Nil;
        var text = input.ToStringValue().ReplaceLineEndings("\n");
        if (!context.AmbientValues.ContainsKey(HtmlMode)) return Text(text);
        var html = string.Join("<br>\n", text.Split('\n').Select(HtmlEncoder.Default.Encode));
        return new ValueTask<FluidValue>(StringValue.Create(html, false));
    }

    /// <summary><c>{{ variables.decision | one_of: "allowed, denied" }}</c> refuses any other value (case-insensitive).</summary>
    private static ValueTask<FluidValue> OneOf(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var allowed = arguments.At(0).ToStringValue().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var value = input.IsNil() ? "" : input.ToStringValue().Trim();
        if (!allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
            throw new NoticeException($"'{value}' is not one of: {string.Join(", ", allowed)}.");
        return Text(value);
    }

    /// <summary><c>{{ variables.reasons | required: "a denial states its reasons" }}</c> refuses an empty value.</summary>
    private static ValueTask<FluidValue> Required(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.IsNil() || input.ToStringValue().Trim().Length == 0)
            throw new NoticeException(arguments.Count > 0 ? $"a required value is empty: {arguments.At(0).ToStringValue()}." : "a required value is empty.");
        return new ValueTask<FluidValue>(input);
    }

    private static DateOnly DateOf(FluidValue input, TemplateContext context, string filter)
    {
        if (input.Type == FluidValues.String
            && DateOnly.TryParseExact(input.ToStringValue().Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(InstantOf(input, filter), context.TimeZone).DateTime);
    }

    private static DateTimeOffset InstantOf(FluidValue input, string filter) => input.ToObjectValue() switch
    {
        DateTimeOffset instant => instant,
        System.DateTime time => new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? System.DateTime.SpecifyKind(time, DateTimeKind.Utc) : time),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        var other => throw new NoticeException($"{filter}: '{other}' is not a date."),
    };

    private static ValueTask<FluidValue> Nil => new(NilValue.Instance);

    private static ValueTask<FluidValue> Text(string value) => new(StringValue.Create(value));
}
