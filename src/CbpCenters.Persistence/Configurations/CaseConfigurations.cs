using System.Text.Json.Nodes;
using CbpCenters.Persistence.Cases;
using CbpCenters.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CbpCenters.Persistence.Configurations;

internal sealed class CaseRecordConfiguration : IEntityTypeConfiguration<CaseRecord>
{
    public void Configure(EntityTypeBuilder<CaseRecord> builder)
    {
        builder.ToTable("Cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasMaxLength(20).IsRequired();
        builder.Property(c => c.Reference).HasMaxLength(40).IsRequired();
        builder.Property(c => c.CenterCode).HasMaxLength(10);
        builder.Property(c => c.RoutingReason).HasMaxLength(500);
        builder.Property(c => c.ImporterNumber).HasMaxLength(20).IsRequired();
        builder.Property(c => c.ImporterName).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Status).HasMaxLength(60).IsRequired();
        builder.Property(c => c.Data).HasConversion(new JsonObjectConverter(), JsonColumn.Comparer<JsonObject>());
        builder.Property(c => c.Deadlines).HasJsonConversion();
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.DefinitionId).HasMaxLength(100);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.CenterCode, c.Kind, c.Status });
        builder.HasIndex(c => c.Reference);
        // A protest number is filed once: of two filings of the same protest racing, the second fails here.
        builder.HasIndex(c => new { c.Kind, c.Reference }).IsUnique().HasFilter($"\"Kind\" = '{Domain.Cases.CaseKinds.Protest}'").HasDatabaseName("IX_Cases_ProtestNumber");
        builder.HasIndex(c => c.ImporterNumber);
        builder.HasIndex(c => c.CreatedAt);
    }
}

internal sealed class ImporterRecordConfiguration : IEntityTypeConfiguration<ImporterRecord>
{
    public void Configure(EntityTypeBuilder<ImporterRecord> builder)
    {
        builder.ToTable("Importers");
        builder.HasKey(i => i.ImporterNumber);
        builder.Property(i => i.ImporterNumber).HasMaxLength(20);
        builder.Property(i => i.Name).HasMaxLength(200).IsRequired();
        builder.Property(i => i.CenterCode).HasMaxLength(10);
        builder.Property(i => i.FilerEmails).HasJsonConversion();
        builder.Property(i => i.NationalAccountManager).HasMaxLength(256);
        builder.HasIndex(i => i.CenterCode);
    }
}

internal sealed class FilerResponseConfiguration : IEntityTypeConfiguration<FilerResponse>
{
    public void Configure(EntityTypeBuilder<FilerResponse> builder)
    {
        builder.ToTable("FilerResponses");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.RecordedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.From).HasMaxLength(320);
        builder.Property(r => r.Signal).HasMaxLength(100).IsRequired();
        builder.HasIndex(r => r.CaseId);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyKeys");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(300);
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
    }
}
