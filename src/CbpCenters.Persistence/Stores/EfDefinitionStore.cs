using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Persistence.Stores;

public sealed class EfDefinitionStore(CbpCentersDbContext db) : IWorkflowDefinitionStore
{
    public Task<StoredDefinition?> FindAsync(string definitionId, int version, CancellationToken ct) =>
        db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == version, ct);

    public Task<StoredDefinition?> FindPublishedAsync(string definitionId, CancellationToken ct) =>
        db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Published, ct);

    public Task<StoredDefinition?> FindLatestAsync(string definitionId, CancellationToken ct) =>
        db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<StoredDefinition>> ListVersionsAsync(string definitionId, CancellationToken ct) =>
        await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId).OrderByDescending(d => d.Version).ToListAsync(ct);

    public async Task<IReadOnlyList<StoredDefinition>> ListLatestAsync(CancellationToken ct)
    {
        var latest = db.Definitions.GroupBy(d => d.DefinitionId).Select(g => new { Id = g.Key, Version = g.Max(d => d.Version) });
        return await db.Definitions.AsNoTracking()
            .Where(d => latest.Any(l => l.Id == d.DefinitionId && l.Version == d.Version))
            .OrderBy(d => d.DefinitionId).ToListAsync(ct);
    }

    public async Task AddAsync(StoredDefinition definition, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.Definitions.Add(definition);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            throw new WorkflowConflictException($"Version {definition.Version} of '{definition.DefinitionId}' was just created by someone else; reload and try again.", ex);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public Task UpdateDraftAsync(StoredDefinition definition, CancellationToken ct) => SaveVersionedAsync(definition, ct);

    /// <summary>The retirement of the old version and the publication of the new are one transaction.</summary>
    public async Task PublishAsync(StoredDefinition definition, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var previous = await db.Definitions
            .Where(d => d.DefinitionId == definition.DefinitionId && d.Status == DefinitionStatus.Published && d.Id != definition.Id)
            .ToListAsync(ct);
        foreach (var old in previous)
        {
            old.Status = DefinitionStatus.Retired;
            old.ConcurrencyVersion++;
        }
        await db.SaveChangesAsync(ct);
        await SaveVersionedAsync(definition, ct);
        await transaction.CommitAsync(ct);
    }

    private async Task SaveVersionedAsync(StoredDefinition definition, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var entry = db.Definitions.Attach(definition);
        entry.State = EntityState.Modified;
        entry.Property(d => d.ConcurrencyVersion).OriginalValue = definition.ConcurrencyVersion;
        definition.ConcurrencyVersion++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            definition.ConcurrencyVersion--;
            throw new WorkflowConflictException($"'{definition.DefinitionId}' version {definition.Version} was changed by someone else; reload it.", ex);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
