using System.Collections.Concurrent;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Stores;

namespace CbpCenters.Engine.Runtime;

/// <summary>
/// Parsed, indexed definitions by id and version. Published versions never change, so they are cached for the
/// life of the process; drafts are never run and never cached.
/// </summary>
public sealed class DefinitionCatalog
{
    private readonly ConcurrentDictionary<(string, int), WorkflowGraph> _graphs = new();

    public async Task<WorkflowGraph> GetAsync(IWorkflowDefinitionStore store, string definitionId, int version, CancellationToken ct)
    {
        if (_graphs.TryGetValue((definitionId, version), out var graph)) return graph;
        var stored = await store.FindAsync(definitionId, version, ct)
            ?? throw new WorkflowNotFoundException($"Workflow definition '{definitionId}' version {version} does not exist.");
        return Remember(stored);
    }

    public WorkflowGraph Remember(StoredDefinition stored)
    {
        var graph = new WorkflowGraph(DefinitionJson.Parse(stored.Json));
        if (stored.Status != DefinitionStatus.Draft) _graphs[(stored.DefinitionId, stored.Version)] = graph;
        return graph;
    }
}
