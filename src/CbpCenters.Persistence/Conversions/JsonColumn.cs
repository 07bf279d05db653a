using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CbpCenters.Persistence.Conversions;

/// <summary>Values stored as JSON text, so the same schema works on SQLite, PostgreSQL and SQL Server.</summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ValueConverter<T, string> Converter<T>() where T : class => new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<T>(v, Options)!);

    public static ValueConverter<T?, string?> NullableConverter<T>() where T : class => new(
        v => v == null ? null : JsonSerializer.Serialize(v, Options),
        v => v == null ? null : JsonSerializer.Deserialize<T>(v, Options));

    /// <summary>Compares by serialized content, so in-place edits of mutable JSON are noticed.</summary>
    public static ValueComparer<T> Comparer<T>() where T : class => new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        v => JsonSerializer.Serialize(v, Options).GetHashCode(),
        v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!);

    public static ValueComparer<T?> NullableComparer<T>() where T : class => new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        v => v == null ? 0 : JsonSerializer.Serialize(v, Options).GetHashCode(),
        v => v == null ? null : JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options));
}

/// <summary>JsonObject as text.</summary>
public sealed class JsonObjectConverter() : ValueConverter<JsonObject, string>(
    v => v.ToJsonString(null),
    v => JsonNode.Parse(v, null, default)!.AsObject());

/// <summary>Instants as UTC ticks on SQLite, which cannot compare or order date-time text with offsets.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
