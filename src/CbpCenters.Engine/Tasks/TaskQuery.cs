namespace CbpCenters.Engine.Tasks;

public enum TaskView { Mine, Unassigned, Center, Overdue, CompletedByMe, All }

public enum TaskSort { Due, Priority, Created }

/// <summary>Who is looking at the inbox: what they may see depends on their Center, positions and pool.</summary>
public sealed record TaskViewer(string UserName, string? CenterCode, IReadOnlyCollection<string> Positions, CandidatePool Pool, IReadOnlyCollection<string> VisibleCenters);

public sealed record TaskQuery(
    TaskViewer Viewer,
    TaskView View = TaskView.Mine,
    string? DefinitionId = null,
    int? MinPriority = null,
    DateTimeOffset? DueFrom = null,
    DateTimeOffset? DueTo = null,
    string? CaseReference = null,
    string? Importer = null,
    Guid? CaseId = null,
    Guid? InstanceId = null,
    string? Assignee = null,
    TaskSort Sort = TaskSort.Due,
    bool Descending = false,
    int Page = 1,
    int PageSize = 50,
    DateTimeOffset? Now = null);
