using CbpCenters.Engine.Runtime;
using CbpCenters.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CbpCenters.Persistence.Configurations;

internal sealed class BookmarkConfiguration : IEntityTypeConfiguration<Bookmark>
{
    public void Configure(EntityTypeBuilder<Bookmark> builder)
    {
        builder.ToTable("Bookmarks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.ActivityId).HasMaxLength(100).IsRequired();
        builder.Property(b => b.Kind).HasMaxLength(20).IsRequired();
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.Payload).HasNullableJsonConversion();
        builder.Ignore(b => b.IsTimer);
        builder.HasIndex(b => b.InstanceId);
        builder.HasIndex(b => b.DueAt);
    }
}
