using CbpCenters.Engine.Runtime;
using CbpCenters.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CbpCenters.Persistence.Configurations;

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("JournalEntries");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedOnAdd();
        builder.Property(j => j.Event).HasMaxLength(40).IsRequired();
        builder.Property(j => j.ActivityId).HasMaxLength(100);
        builder.Property(j => j.ActivityType).HasMaxLength(60);
        builder.Property(j => j.Outcome).HasMaxLength(200);
        builder.Property(j => j.Actor).HasMaxLength(256);
        builder.Property(j => j.Data).HasNullableJsonConversion();
        builder.HasIndex(j => new { j.InstanceId, j.Sequence }).IsUnique();
        builder.HasIndex(j => new { j.Event, j.At });
    }
}
