using CbpCenters.Engine.Runtime;
using CbpCenters.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CbpCenters.Persistence.Configurations;

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> builder)
    {
        builder.ToTable("WorkflowInstances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.DefinitionId).HasMaxLength(100).IsRequired();
        builder.Property(i => i.DefinitionName).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.CorrelationId).HasMaxLength(200);
        builder.Property(i => i.CenterCode).HasMaxLength(10);
        builder.Property(i => i.Input).HasConversion(new JsonObjectConverter(), JsonColumn.Comparer<System.Text.Json.Nodes.JsonObject>());
        builder.Property(i => i.Variables).HasConversion(new JsonObjectConverter(), JsonColumn.Comparer<System.Text.Json.Nodes.JsonObject>());
        builder.Property(i => i.State).HasJsonConversion();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.IsEnded);
        builder.HasIndex(i => new { i.Status, i.CreatedAt });
        builder.HasIndex(i => new { i.DefinitionId, i.DefinitionVersion });
        builder.HasIndex(i => i.CorrelationId);
        builder.HasIndex(i => i.CaseId);
        builder.HasIndex(i => i.CenterCode);
    }
}
