namespace CbpCenters.Engine.Stores;

public enum DefinitionStatus { Draft, Published, Retired }

/// <summary>
/// One version of a definition. A version is a draft until published; publishing retires the previously
/// published version. Instances keep running on the version they started with, whatever happens later.
/// </summary>
public sealed class StoredDefinition
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public DefinitionStatus Status { get; set; }
    public string Json { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public string? Source { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int ConcurrencyVersion { get; set; }
}
