using CbpCenters.Engine.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CbpCenters.Persistence.Configurations;

internal sealed class StoredDefinitionConfiguration : IEntityTypeConfiguration<StoredDefinition>
{
    public void Configure(EntityTypeBuilder<StoredDefinition> builder)
    {
        builder.ToTable("WorkflowDefinitions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.DefinitionId).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Name).HasMaxLength(200).IsRequired();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.ContentHash).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Source).HasMaxLength(260);
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
        builder.Property(d => d.Json).IsRequired();
        builder.Property(d => d.ConcurrencyVersion).IsConcurrencyToken();
        builder.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        builder.HasIndex(d => new { d.DefinitionId, d.Status });
    }
}
