using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CbpCenters.Persistence.Conversions;

public static class PropertyBuilderExtensions
{
    /// <summary>Stores the value as JSON text.</summary>
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property) where T : class
    {
        property.HasConversion(JsonColumn.Converter<T>(), JsonColumn.Comparer<T>()).IsRequired();
        return property;
    }

    public static PropertyBuilder<T?> HasNullableJsonConversion<T>(this PropertyBuilder<T?> property) where T : class
    {
        property.HasConversion(JsonColumn.NullableConverter<T>(), JsonColumn.NullableComparer<T>());
        return property;
    }
}
