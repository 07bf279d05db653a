using CbpCenters.Persistence.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CbpCenters.Persistence.Configurations;

internal sealed class CenterProfileConfiguration : IEntityTypeConfiguration<CenterProfile>
{
    public void Configure(EntityTypeBuilder<CenterProfile> builder)
    {
        builder.ToTable("Centers");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(10);
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.Property(c => c.ManagementOffice).HasMaxLength(100).IsRequired();
        builder.Property(c => c.TimeZoneId).HasMaxLength(60).IsRequired();
        builder.Property(c => c.DirectorUserName).HasMaxLength(256);
        builder.Property(c => c.DfoUserName).HasMaxLength(256);
    }
}
