namespace CbpCenters.Engine.Tasks;

/// <summary>Who works where: the staff of each Center, its Center Director and its Director, Field Operations.</summary>
public interface IStaffDirectory
{
    Task<StaffProfile?> FindAsync(string userName, CancellationToken ct);

    /// <summary>Everyone working for the Center: core staff and the matrix staff lent to it by the ports.</summary>
    Task<IReadOnlyList<StaffProfile>> InCenterAsync(string centerCode, CancellationToken ct);

    Task<StaffProfile?> CenterDirectorAsync(string centerCode, CancellationToken ct);

    /// <summary>The Director, Field Operations the Center Director reports to.</summary>
    Task<StaffProfile?> DirectorFieldOperationsAsync(string centerCode, CancellationToken ct);
}
