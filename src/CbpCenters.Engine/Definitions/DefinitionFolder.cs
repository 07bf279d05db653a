using Microsoft.Extensions.Logging;

namespace CbpCenters.Engine.Definitions;

/// <summary>Imports every <c>*.json</c> of the workflows folder at start-up.</summary>
public sealed class DefinitionFolder(DefinitionService definitions, ILogger<DefinitionFolder> logger)
{
    public async Task<IReadOnlyList<string>> ImportAsync(string folder, CancellationToken ct)
    {
        var problems = new List<string>();
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Workflow folder {Folder} does not exist; no definitions imported", folder);
            return problems;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order())
        {
            try
            {
                var definition = DefinitionJson.Parse(await File.ReadAllTextAsync(file, ct));
                var expectedId = Path.GetFileNameWithoutExtension(file);
                if (definition.DefinitionId != expectedId)
                    throw new DefinitionFormatException("definitionId", $"definitionId '{definition.DefinitionId}' does not match the file name '{expectedId}.json'.");
                var (result, stored) = await definitions.ImportAsync(definition, Path.GetFileName(file), ct);
                if (result != ImportResult.Unchanged)
                    logger.LogInformation("Imported {DefinitionId} v{Version} from {File} ({Result})", stored.DefinitionId, stored.Version, Path.GetFileName(file), result);
            }
            catch (Exception ex) when (ex is DefinitionFormatException or Runtime.DefinitionInvalidException)
            {
                problems.Add($"{Path.GetFileName(file)}: {ex.Message}");
                logger.LogError("Workflow file {File} was not imported: {Reason}", Path.GetFileName(file), ex.Message);
            }
        }
        return problems;
    }
}
