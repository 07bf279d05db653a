using System.Text.Json.Nodes;

namespace CbpCenters.Engine.Tasks;

public enum HumanTaskStatus { Unassigned, Assigned, Completed, Cancelled, TimedOut }

/// <summary>Which staff a task may reach: core (Center staff), matrix (port staff on Center work) or either.</summary>
public enum CandidatePool { Either, Core, Matrix }

/// <summary>
/// The inbox projection of a HumanTask activity's bookmark. <see cref="Version"/> is its concurrency token:
/// claim, complete and escalation each check it, so two people cannot both claim, and a completion racing a
/// timeout is decided by whichever commits first.
/// </summary>
public sealed class HumanTask
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid BookmarkId { get; set; }
    public string ActivityId { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string ProcessName { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public Guid? CaseId { get; set; }
    public string? CaseReference { get; set; }
    public string? ImporterName { get; set; }
    public string CenterCode { get; set; } = "";
    public List<string> CandidateRoles { get; set; } = [];
    public CandidatePool Pool { get; set; }
    public List<string> CandidateUsers { get; set; } = [];
    public List<string> ExcludedUsers { get; set; } = [];
    public string? Assignee { get; set; }
    /// <summary>Set while the task is delegated: the person who delegated it and gets it back on resolve.</summary>
    public string? Owner { get; set; }
    public int Priority { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? FollowUpAt { get; set; }
    public HumanTaskStatus Status { get; set; }
    public string Strategy { get; set; } = AssignmentStrategies.Claim;
    public List<TaskOutcome> Outcomes { get; set; } = [];
    public string? Outcome { get; set; }
    public JsonObject? Data { get; set; }
    public string? CompletedBy { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>0 = not escalated, 1 = Center Director, 2 = Director, Field Operations.</summary>
    public int EscalationLevel { get; set; }
    public List<string> EscalatedTo { get; set; } = [];
    public int Version { get; set; }

    public bool IsOpen => Status is HumanTaskStatus.Unassigned or HumanTaskStatus.Assigned;
}

public sealed class TaskOutcome
{
    public string Name { get; set; } = "";
    public string? Label { get; set; }
    public List<FormField> Form { get; set; } = [];
}

/// <summary>One field of an outcome's form; the form is data in the definition, validated on completion.</summary>
public sealed class FormField
{
    public string Field { get; set; } = "";
    public string? Label { get; set; }
    /// <summary>text, textarea, number, money, date, boolean, select, email.</summary>
    public string Type { get; set; } = "text";
    public bool Required { get; set; }
    public List<string>? AllowedValues { get; set; }
    public int? MaxLength { get; set; }
}

public static class AssignmentStrategies
{
    public const string Claim = "claim";
    public const string RoundRobin = "round-robin";
    public const string LeastLoaded = "least-loaded";
    public static readonly string[] All = [Claim, RoundRobin, LeastLoaded];
}

public sealed class TaskComment
{
    public long Id { get; set; }
    public Guid TaskId { get; set; }
    public string Author { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>One line of a task's history: who did what to it, and when.</summary>
public sealed class TaskEvent
{
    public long Id { get; set; }
    public Guid TaskId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Detail { get; set; }
}
