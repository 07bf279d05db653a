using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CbpCenters.Persistence.Ui;

internal sealed class SavedFilterConfiguration : IEntityTypeConfiguration<SavedFilter>
{
    public void Configure(EntityTypeBuilder<SavedFilter> builder)
    {
        builder.ToTable("SavedFilters");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.UserName).HasMaxLength(256).IsRequired();
        builder.Property(f => f.Name).HasMaxLength(100).IsRequired();
        builder.Property(f => f.Json).HasMaxLength(4000).IsRequired();
        // A person's filters are listed by name, and a name is used once per person.
        builder.HasIndex(f => new { f.UserName, f.Name }).IsUnique();
    }
}
