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
