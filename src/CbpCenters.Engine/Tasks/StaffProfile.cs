namespace CbpCenters.Engine.Tasks;

/// <summary>
/// A staff member as task assignment sees them. <see cref="Positions"/> holds position names such as
/// ImportSpecialist or Paralegal (the Domain's StaffPosition names; the engine does not reference the Domain).
/// </summary>
public sealed record StaffProfile(
    string UserName,
    string DisplayName,
    string Email,
    string? CenterCode,
    IReadOnlyList<string> Positions,
    CandidatePool Pool,
    string? Port,
    bool OutOfOffice,
    string? Substitute)
{
    /// <summary>This person seen through the inbox rules: their own Center only.</summary>
    public TaskViewer AsViewer() => new(UserName, CenterCode, Positions, Pool, CenterCode is null ? [] : [CenterCode]);
}
