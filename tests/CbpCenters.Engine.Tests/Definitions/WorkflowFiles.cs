namespace CbpCenters.Engine.Tests.Definitions;

/// <summary>The repository's <c>workflows/</c> folder, found above the test binaries next to CbpCenters.sln.</summary>
internal static class WorkflowFiles
{
    public static string Folder { get; } = FindFolder();

    public static string TemplatesFolder => Path.Combine(Folder, "templates");

    public static string SchemaPath => Path.Combine(Folder, "schema", "workflow-definition.schema.json");

    /// <summary>The file names of every definition, e.g. <c>protest-review.json</c>.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static string PathOf(string definitionId) => Path.Combine(Folder, definitionId + ".json");

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CbpCenters.sln")))
                return Path.Combine(dir.FullName, "workflows");
        throw new DirectoryNotFoundException("CbpCenters.sln not found above " + AppContext.BaseDirectory);
    }
}
