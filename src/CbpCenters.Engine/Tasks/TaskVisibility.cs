namespace CbpCenters.Engine.Tasks;

/// <summary>The inbox rules, in one place: who may see, claim and complete a task.</summary>
public static class TaskVisibility
{
    /// <summary>A person may work a task when it is for their Center and pool, names one of their positions or them, and does not exclude them.</summary>
    public static bool IsEligible(HumanTask task, TaskViewer viewer) =>
        !task.ExcludedUsers.Contains(viewer.UserName)
        && (task.CandidateUsers.Contains(viewer.UserName)
            || (task.CenterCode == viewer.CenterCode
                && (task.Pool == CandidatePool.Either || task.Pool == viewer.Pool)
                && task.CandidateRoles.Any(viewer.Positions.Contains)));

    /// <summary>Why <paramref name="viewer"/> may not work the task, in words a specialist understands; null when they may.</summary>
    public static string? WhyNotEligible(HumanTask task, TaskViewer viewer)
    {
        if (task.ExcludedUsers.Contains(viewer.UserName))
            return $"{viewer.UserName} already worked an earlier step of this case, so the four-eyes rule keeps them from this task.";
        if (IsEligible(task, viewer)) return null;
        if (task.CenterCode != viewer.CenterCode)
            return $"This task belongs to the {task.CenterCode} Center; {viewer.UserName} works for {viewer.CenterCode ?? "no Center"}.";
        if (task.Pool != CandidatePool.Either && task.Pool != viewer.Pool)
            return $"This task is for {PoolName(task.Pool)}; {viewer.UserName} is {PoolName(viewer.Pool)}.";
        if (task.CandidateRoles.Count == 0)
            return $"This task is only for the people named on it; {viewer.UserName} is not one of them.";
        return viewer.Positions.Count == 0
            ? $"This task is for {Positions(task.CandidateRoles)}; {viewer.UserName} holds none of these positions."
            : $"This task is for {Positions(task.CandidateRoles)}; {viewer.UserName} works as {Positions(viewer.Positions)}.";
    }

    private static string PoolName(CandidatePool pool) => pool switch
    {
        CandidatePool.Core => "core staff",
        CandidatePool.Matrix => "matrix staff from the ports",
        _ => "core or matrix staff",
    };

    /// <summary>"ImportSpecialist" reads "Import Specialist".</summary>
    private static string Positions(IEnumerable<string> names)
    {
        var spoken = names.Select(n => string.Concat(n.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()))).ToList();
        return string.Join(" or ", spoken);
    }

    public static bool Matches(HumanTask task, TaskQuery query, DateTimeOffset now)
    {
        var viewer = query.Viewer;
        var inView = query.View switch
        {
            TaskView.Mine => task.IsOpen && task.Assignee == viewer.UserName,
            TaskView.Unassigned => task.Status == HumanTaskStatus.Unassigned && IsEligible(task, viewer),
            TaskView.Center => task.IsOpen && viewer.VisibleCenters.Contains(task.CenterCode),
            TaskView.Overdue => task.IsOpen && task.DueAt < now && viewer.VisibleCenters.Contains(task.CenterCode),
            TaskView.CompletedByMe => task.Status == HumanTaskStatus.Completed && task.CompletedBy == viewer.UserName,
            _ => viewer.VisibleCenters.Contains(task.CenterCode),
        };
        return inView
            && (query.DefinitionId is null || task.DefinitionId == query.DefinitionId)
            && (query.MinPriority is null || task.Priority >= query.MinPriority)
            && (query.DueFrom is null || task.DueAt >= query.DueFrom)
            && (query.DueTo is null || task.DueAt <= query.DueTo)
            && (query.CaseReference is null || (task.CaseReference ?? "").Contains(query.CaseReference, StringComparison.OrdinalIgnoreCase))
            && (query.Importer is null || (task.ImporterName ?? "").Contains(query.Importer, StringComparison.OrdinalIgnoreCase))
            && (query.CaseId is null || task.CaseId == query.CaseId)
            && (query.InstanceId is null || task.InstanceId == query.InstanceId)
            && (query.Assignee is null || task.Assignee == query.Assignee);
    }
}
