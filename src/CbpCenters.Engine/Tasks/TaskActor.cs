namespace CbpCenters.Engine.Tasks;

/// <summary>
/// The person calling a task operation. <see cref="IsSupervisor"/> is true for a Supervisor, Center Director,
/// DFO or Admin; they may assign and reassign the tasks of their <see cref="VisibleCenters"/>.
/// </summary>
public sealed record TaskActor(
    string UserName,
    string? CenterCode,
    IReadOnlyCollection<string> Positions,
    CandidatePool Pool,
    bool IsSupervisor,
    IReadOnlyCollection<string> VisibleCenters)
{
    public TaskViewer Viewer => new(UserName, CenterCode, Positions, Pool, VisibleCenters);

    /// <summary>True when this person supervises the Center the task belongs to.</summary>
    public bool Supervises(HumanTask task) => IsSupervisor && VisibleCenters.Contains(task.CenterCode);
}
