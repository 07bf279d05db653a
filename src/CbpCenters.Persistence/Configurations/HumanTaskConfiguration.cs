using CbpCenters.Engine.Tasks;
using CbpCenters.Persistence.Conversions;
using CbpCenters.Persistence.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CbpCenters.Persistence.Configurations;

internal sealed class HumanTaskConfiguration : IEntityTypeConfiguration<HumanTask>
{
    public void Configure(EntityTypeBuilder<HumanTask> builder)
    {
        builder.ToTable("HumanTasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ActivityId).HasMaxLength(100).IsRequired();
        builder.Property(t => t.DefinitionId).HasMaxLength(100).IsRequired();
        builder.Property(t => t.ProcessName).HasMaxLength(200).IsRequired();
        builder.Property(t => t.Title).HasMaxLength(500).IsRequired();
        builder.Property(t => t.CaseReference).HasMaxLength(100);
        builder.Property(t => t.ImporterName).HasMaxLength(200);
        builder.Property(t => t.CenterCode).HasMaxLength(10).IsRequired();
        builder.Property(t => t.Assignee).HasMaxLength(256);
        builder.Property(t => t.Owner).HasMaxLength(256);
        builder.Property(t => t.CompletedBy).HasMaxLength(256);
        builder.Property(t => t.Outcome).HasMaxLength(100);
        builder.Property(t => t.Strategy).HasMaxLength(20);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Pool).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.CandidateRoles).HasJsonConversion();
        builder.Property(t => t.CandidateUsers).HasJsonConversion();
        builder.Property(t => t.ExcludedUsers).HasJsonConversion();
        builder.Property(t => t.EscalatedTo).HasJsonConversion();
        builder.Property(t => t.Outcomes).HasJsonConversion();
        builder.Property(t => t.Data).HasNullableJsonConversion();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.IsOpen);
        builder.HasIndex(t => t.BookmarkId).IsUnique();
        builder.HasIndex(t => new { t.CenterCode, t.Status, t.DueAt });
        builder.HasIndex(t => new { t.Assignee, t.Status });
        builder.HasIndex(t => new { t.CompletedBy, t.Status });
        builder.HasIndex(t => t.InstanceId);
        builder.HasIndex(t => t.CaseId);
        builder.HasIndex(t => new { t.DefinitionId, t.ActivityId, t.CenterCode, t.CreatedAt });
    }
}

internal sealed class TaskCandidateConfiguration : IEntityTypeConfiguration<TaskCandidate>
{
    public void Configure(EntityTypeBuilder<TaskCandidate> builder)
    {
        builder.ToTable("TaskCandidates");
        builder.HasKey(c => new { c.TaskId, c.Kind, c.Value });
        builder.Property(c => c.Kind).HasMaxLength(10);
        builder.Property(c => c.Value).HasMaxLength(256);
        builder.HasIndex(c => new { c.Kind, c.Value });
        builder.HasOne<HumanTask>().WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskEventConfiguration : IEntityTypeConfiguration<TaskEvent>
{
    public void Configure(EntityTypeBuilder<TaskEvent> builder)
    {
        builder.ToTable("TaskEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Actor).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Kind).HasMaxLength(40).IsRequired();
        builder.HasIndex(e => new { e.TaskId, e.At });
        builder.HasIndex(e => new { e.Kind, e.At });
    }
}

internal sealed class TaskCommentConfiguration : IEntityTypeConfiguration<TaskComment>
{
    public void Configure(EntityTypeBuilder<TaskComment> builder)
    {
        builder.ToTable("TaskComments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Author).HasMaxLength(256).IsRequired();
        builder.Property(c => c.Text).HasMaxLength(4000).IsRequired();
        builder.HasIndex(c => c.TaskId);
    }
}
