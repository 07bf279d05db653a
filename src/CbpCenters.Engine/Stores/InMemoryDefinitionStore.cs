using CbpCenters.Engine.Runtime;

namespace CbpCenters.Engine.Stores;

public sealed class InMemoryDefinitionStore : IWorkflowDefinitionStore
{
    private readonly Lock _lock = new();
    private readonly List<StoredDefinition> _versions = [];

    public Task<StoredDefinition?> FindAsync(string definitionId, int version, CancellationToken ct) =>
        Find(d => d.DefinitionId == definitionId && d.Version == version);

    public Task<StoredDefinition?> FindPublishedAsync(string definitionId, CancellationToken ct) =>
        Find(d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Published);

    public Task<StoredDefinition?> FindLatestAsync(string definitionId, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult(_versions.Where(d => d.DefinitionId == definitionId).MaxBy(d => d.Version) is { } d ? InMemoryWorkflowStore.Copy(d) : null);
    }

    public Task<IReadOnlyList<StoredDefinition>> ListVersionsAsync(string definitionId, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<StoredDefinition>>([.. _versions.Where(d => d.DefinitionId == definitionId).OrderByDescending(d => d.Version).Select(InMemoryWorkflowStore.Copy)]);
    }

    public Task<IReadOnlyList<StoredDefinition>> ListLatestAsync(CancellationToken ct)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<StoredDefinition>>([.. _versions.GroupBy(d => d.DefinitionId).Select(g => InMemoryWorkflowStore.Copy(g.MaxBy(d => d.Version)!)).OrderBy(d => d.DefinitionId)]);
    }

    public Task AddAsync(StoredDefinition definition, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_versions.Any(d => d.DefinitionId == definition.DefinitionId && d.Version == definition.Version))
                throw new WorkflowConflictException($"Version {definition.Version} of '{definition.DefinitionId}' already exists.");
            _versions.Add(InMemoryWorkflowStore.Copy(definition));
        }
        return Task.CompletedTask;
    }

    public Task UpdateDraftAsync(StoredDefinition definition, CancellationToken ct)
    {
        lock (_lock)
        {
            var index = _versions.FindIndex(d => d.Id == definition.Id);
            if (index < 0 || _versions[index].ConcurrencyVersion != definition.ConcurrencyVersion || _versions[index].Status != DefinitionStatus.Draft)
                throw new WorkflowConflictException($"The draft of '{definition.DefinitionId}' was changed by someone else; reload it.");
            definition.ConcurrencyVersion++;
            _versions[index] = InMemoryWorkflowStore.Copy(definition);
        }
        return Task.CompletedTask;
    }

    public Task PublishAsync(StoredDefinition definition, CancellationToken ct)
    {
        lock (_lock)
        {
            foreach (var other in _versions.Where(d => d.DefinitionId == definition.DefinitionId && d.Status == DefinitionStatus.Published))
                other.Status = DefinitionStatus.Retired;
            var index = _versions.FindIndex(d => d.Id == definition.Id);
            definition.ConcurrencyVersion++;
            _versions[index] = InMemoryWorkflowStore.Copy(definition);
        }
        return Task.CompletedTask;
    }

    private Task<StoredDefinition?> Find(Func<StoredDefinition, bool> predicate)
    {
        lock (_lock) return Task.FromResult(_versions.FirstOrDefault(predicate) is { } d ? InMemoryWorkflowStore.Copy(d) : null);
    }
}
