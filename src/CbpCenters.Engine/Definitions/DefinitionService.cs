using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;

namespace CbpCenters.Engine.Definitions;

public enum ImportResult { Created, NewVersion, Unchanged }

/// <summary>Drafts, publishing and file imports; a version is validated before anyone can run it.</summary>
public sealed class DefinitionService(
    IWorkflowDefinitionStore store, DefinitionValidator validator, DefinitionCatalog catalog, TimeProvider clock)
{
    public IReadOnlyList<DefinitionError> Validate(WorkflowDefinition definition) => validator.Validate(definition);

    /// <summary>
    /// Saves a draft: edits the latest version when it is a draft, otherwise opens a new draft version. Other mistakes
    /// may wait for publishing, but not the id: a draft saved under an id no route can carry could never be opened again.
    /// </summary>
    public async Task<StoredDefinition> SaveDraftAsync(WorkflowDefinition definition, string actor, int? expectedVersion, CancellationToken ct)
    {
        if (!DefinitionValidator.IsDefinitionId(definition.DefinitionId))
            throw new WorkflowInputException("definitionId", $"'{definition.DefinitionId}' is not a definition id: {DefinitionValidator.DefinitionIdRule}");
        var latest = await store.FindLatestAsync(definition.DefinitionId, ct);
        if (latest is { Status: DefinitionStatus.Draft })
        {
            if (expectedVersion is { } v && v != latest.ConcurrencyVersion)
                throw new WorkflowConflictException($"The draft of '{definition.DefinitionId}' was changed by someone else; reload it.");
            definition.Version = latest.Version;
            Fill(latest, definition);
            await store.UpdateDraftAsync(latest, ct);
            return latest;
        }
        definition.Version = (latest?.Version ?? 0) + 1;
        var draft = New(definition, DefinitionStatus.Draft, actor, source: null);
        await store.AddAsync(draft, ct);
        return draft;
    }

    /// <summary>Publishes the latest draft after validating it; the previously published version is retired.</summary>
    public async Task<StoredDefinition> PublishAsync(string definitionId, string actor, CancellationToken ct)
    {
        var latest = await store.FindLatestAsync(definitionId, ct)
            ?? throw new WorkflowNotFoundException($"Workflow definition '{definitionId}' does not exist.");
        if (latest.Status != DefinitionStatus.Draft)
            throw new WorkflowConflictException($"Version {latest.Version} of '{definitionId}' is already {latest.Status}; save a draft first.");
        var errors = validator.Validate(DefinitionJson.Parse(latest.Json));
        if (errors.Count > 0) throw new DefinitionInvalidException(errors);
        latest.Status = DefinitionStatus.Published;
        latest.PublishedAt = clock.GetUtcNow();
        latest.UpdatedAt = latest.PublishedAt.Value;
        await store.PublishAsync(latest, ct);
        catalog.Remember(latest);
        return latest;
    }

    /// <summary>
    /// Imports a definition file as published: version 1 the first time, a new version when its content changed
    /// since it was last imported, nothing otherwise.
    /// </summary>
    public async Task<(ImportResult Result, StoredDefinition Definition)> ImportAsync(WorkflowDefinition definition, string source, CancellationToken ct)
    {
        var errors = validator.Validate(definition);
        if (errors.Count > 0) throw new DefinitionInvalidException(errors);
        var hash = DefinitionJson.ContentHash(definition);
        var published = await store.FindPublishedAsync(definition.DefinitionId, ct);
        if (published is not null && published.ContentHash == hash) return (ImportResult.Unchanged, published);
        // A file that has not changed since it was last imported changes nothing, even when a supervisor has since
        // published a newer version in the designer: a restart must not undo their work. A changed file is a
        // deliberate new version and is published.
        var fromFile = (await store.ListVersionsAsync(definition.DefinitionId, ct)).Where(v => v.Source is not null).MaxBy(v => v.Version);
        if (fromFile is not null && fromFile.ContentHash == hash) return (ImportResult.Unchanged, published ?? fromFile);

        var latest = await store.FindLatestAsync(definition.DefinitionId, ct);
        definition.Version = (latest?.Version ?? 0) + 1;
        var stored = New(definition, DefinitionStatus.Draft, "import", source);
        await store.AddAsync(stored, ct);
        stored.Status = DefinitionStatus.Published;
        stored.PublishedAt = stored.CreatedAt;
        await store.PublishAsync(stored, ct);
        catalog.Remember(stored);
        return (latest is null ? ImportResult.Created : ImportResult.NewVersion, stored);
    }

    private StoredDefinition New(WorkflowDefinition definition, DefinitionStatus status, string actor, string? source)
    {
        var now = clock.GetUtcNow();
        var stored = new StoredDefinition
        {
            Id = Guid.CreateVersion7(),
            DefinitionId = definition.DefinitionId,
            Version = definition.Version,
            Status = status,
            CreatedAt = now,
            CreatedBy = actor,
            Source = source,
        };
        Fill(stored, definition);
        return stored;
    }

    private void Fill(StoredDefinition stored, WorkflowDefinition definition)
    {
        stored.Name = definition.Name;
        stored.Description = definition.Description;
        stored.Json = DefinitionJson.Serialize(definition);
        stored.ContentHash = DefinitionJson.ContentHash(definition);
        stored.UpdatedAt = clock.GetUtcNow();
    }
}
