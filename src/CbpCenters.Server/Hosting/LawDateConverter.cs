using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CbpCenters.Server.Hosting;

/// <summary>
/// Dates in requests (entry, liquidation, filing): yyyy-MM-dd from 1900 to 2199, so every deadline counted from one
/// (180 days, 2 years, a year's extension) is itself a date. A year 9999 is refused naming the field, not met by
/// an overflow deep in the law's arithmetic.
/// </summary>
public sealed class LawDateConverter : JsonConverter<DateOnly>
{
    public const string Expected = "a date from 1900-01-01 to 2199-12-31, yyyy-MM-dd";

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
        && DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date.Year is >= 1900 and <= 2199
            ? date
            : throw new JsonException(Expected);

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
