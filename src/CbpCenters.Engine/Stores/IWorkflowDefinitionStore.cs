namespace CbpCenters.Engine.Stores;

public interface IWorkflowDefinitionStore
{
    Task<StoredDefinition?> FindAsync(string definitionId, int version, CancellationToken ct);
    Task<StoredDefinition?> FindPublishedAsync(string definitionId, CancellationToken ct);
    Task<StoredDefinition?> FindLatestAsync(string definitionId, CancellationToken ct);
    Task<IReadOnlyList<StoredDefinition>> ListVersionsAsync(string definitionId, CancellationToken ct);
    /// <summary>The latest version of every definition.</summary>
    Task<IReadOnlyList<StoredDefinition>> ListLatestAsync(CancellationToken ct);
    /// <summary>Inserts a new version; a version number taken by a concurrent writer is a conflict.</summary>
    Task AddAsync(StoredDefinition definition, CancellationToken ct);
    /// <summary>Saves an edited draft, checked against the version it was read at.</summary>
    Task UpdateDraftAsync(StoredDefinition definition, CancellationToken ct);
    /// <summary>Publishes a version and retires the previously published one, atomically.</summary>
    Task PublishAsync(StoredDefinition definition, CancellationToken ct);
}
