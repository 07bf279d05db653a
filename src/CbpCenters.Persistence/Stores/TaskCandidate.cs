namespace CbpCenters.Persistence.Stores;

/// <summary>
/// One role, user or exclusion of a task, as a row: the inbox asks "which unassigned tasks may this person
/// work?" with an indexed join instead of searching JSON, the same way on every database.
/// </summary>
public sealed class TaskCandidate
{
    public const string Role = "role";
    public const string User = "user";
    public const string Excluded = "excluded";

    public Guid TaskId { get; set; }
    public string Kind { get; set; } = "";
    public string Value { get; set; } = "";
}
