using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Engine.Tasks;
using CbpCenters.Persistence.Conversions;
using CbpCenters.Persistence.Identity;
using CbpCenters.Persistence.Stores;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Persistence;

/// <summary>
/// Everything CbpCenters stores. Each database has a subclass with its own migrations folder; the model is
/// the same on all three.
/// </summary>
public abstract class CbpCentersDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<StoredDefinition> Definitions => Set<StoredDefinition>();
    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();
    public DbSet<Bookmark> Bookmarks => Set<Bookmark>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<HumanTask> Tasks => Set<HumanTask>();
    public DbSet<TaskCandidate> TaskCandidates => Set<TaskCandidate>();
    public DbSet<TaskEvent> TaskEvents => Set<TaskEvent>();
    public DbSet<TaskComment> TaskComments => Set<TaskComment>();
    public DbSet<Organisation.CenterProfile> Centers => Set<Organisation.CenterProfile>();
    public DbSet<Mail.MailboxMessage> Mailbox => Set<Mail.MailboxMessage>();
    public DbSet<Mail.OutboxAttempt> OutboxAttempts => Set<Mail.OutboxAttempt>();
    public DbSet<Ui.SavedFilter> SavedFilters => Set<Ui.SavedFilter>();
    public DbSet<Cases.CaseRecord> Cases => Set<Cases.CaseRecord>();
    public DbSet<Cases.ImporterRecord> Importers => Set<Cases.ImporterRecord>();
    public DbSet<Cases.FilerResponse> FilerResponses => Set<Cases.FilerResponse>();
    public DbSet<Cases.IdempotencyRecord> IdempotencyKeys => Set<Cases.IdempotencyRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CbpCentersDbContext).Assembly);
        builder.Entity<StaffUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.CenterCode).HasMaxLength(10);
            user.Property(u => u.Pool).HasMaxLength(10);
            user.Property(u => u.Port).HasMaxLength(4);
            user.Property(u => u.Substitute).HasMaxLength(256);
            user.Property(u => u.Positions).HasJsonConversion();
            user.HasIndex(u => u.CenterCode);
        });
    }
}
