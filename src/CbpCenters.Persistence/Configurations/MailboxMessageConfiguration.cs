using CbpCenters.Persistence.Conversions;
using CbpCenters.Persistence.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CbpCenters.Persistence.Configurations;

internal sealed class MailboxMessageConfiguration : IEntityTypeConfiguration<MailboxMessage>
{
    public void Configure(EntityTypeBuilder<MailboxMessage> builder)
    {
        builder.ToTable("MailboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.From).HasMaxLength(320).IsRequired();
        builder.Property(m => m.To).HasJsonConversion();
        builder.Property(m => m.Cc).HasJsonConversion();
        builder.Property(m => m.Subject).HasMaxLength(500).IsRequired();
        builder.Property(m => m.MessageId).HasMaxLength(200);
        builder.HasIndex(m => m.ReceivedAt);
        builder.HasIndex(m => m.MessageId);
    }
}

internal sealed class OutboxAttemptConfiguration : IEntityTypeConfiguration<OutboxAttempt>
{
    public void Configure(EntityTypeBuilder<OutboxAttempt> builder)
    {
        builder.ToTable("OutboxAttempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.Reply).HasMaxLength(2000).IsRequired();
        builder.HasIndex(a => a.MessageId);
    }
}
