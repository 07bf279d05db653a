using CbpCenters.Engine.Notices;
using CbpCenters.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CbpCenters.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Template).HasMaxLength(100).IsRequired();
        builder.Property(m => m.To).HasJsonConversion();
        builder.Property(m => m.Cc).HasJsonConversion();
        builder.Property(m => m.Bcc).HasJsonConversion();
        builder.Property(m => m.ReplyTo).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(500).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.ActivityId).HasMaxLength(100);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.SmtpReply).HasMaxLength(500);
        builder.Ignore(m => m.MessageId);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.CaseId);
        builder.HasIndex(m => m.InstanceId);
        builder.HasIndex(m => m.CreatedAt);
    }
}
