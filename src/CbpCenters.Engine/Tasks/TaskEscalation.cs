using System.Text.Json.Nodes;
using CbpCenters.Engine.Activities;
using CbpCenters.Engine.Runtime;

namespace CbpCenters.Engine.Tasks;

/// <summary>
/// Runs the remind and escalate steps of a waiting task's policy. Each runs inside the resume of its own timer,
/// so its task change, history line, journal line and notice are written together, once, or not at all.
/// </summary>
public static class TaskEscalation
{
    /// <summary>Reminds the assignee. An unassigned task reminds nobody (mailing every eligible person would be noise), but the step is recorded.</summary>
    public static async Task RemindAsync(ActivityContext context, HumanTask task, EscalationStep step)
    {
        var assignee = task.Assignee is null ? null : await context.Service<IStaffDirectory>().FindAsync(task.Assignee, default);
        string detail;
        if (task.Assignee is null)
            detail = "the task is unassigned, so nobody was reminded";
        else if (assignee is null)
            detail = $"{task.Assignee} is not in the staff directory, so nobody was reminded";
        else
        {
            TaskNotices.Queue(context, TaskNotices.Reminder, task, assignee.Email);
            detail = $"reminded {assignee.UserName}";
        }
        Record(context, task, step, "Reminded", JournalEvents.TaskReminded, detail);
    }

    /// <summary>
    /// Raises the task to the Center Director (level 1) or the DFO (level 2): they join the candidate users, or
    /// with mode reassign take the task over, and are notified with the assignee in copy. An excluded director
    /// (four-eyes) is only informed.
    /// </summary>
    public static async Task EscalateAsync(ActivityContext context, HumanTask task, EscalationStep step)
    {
        var directory = context.Service<IStaffDirectory>();
        var toFieldOperations = step.To == EscalationTargets.DirectorFieldOperations;
        var title = toFieldOperations ? "the Director, Field Operations" : "the Center Director";
        var director = toFieldOperations
            ? await directory.DirectorFieldOperationsAsync(task.CenterCode, default)
            : await directory.CenterDirectorAsync(task.CenterCode, default);
        task.EscalationLevel = Math.Max(task.EscalationLevel, toFieldOperations ? 2 : 1);

        string detail;
        if (director is null)
        {
            detail = $"due for {title}, but the {task.CenterCode} Center has none on file";
        }
        else
        {
            var previous = task.Assignee;
            if (!task.EscalatedTo.Contains(director.UserName)) task.EscalatedTo.Add(director.UserName);
            if (task.ExcludedUsers.Contains(director.UserName))
            {
                detail = $"{title} {director.UserName} is excluded from this task (four-eyes) and was informed only";
            }
            else
            {
                if (!task.CandidateUsers.Contains(director.UserName)) task.CandidateUsers.Add(director.UserName);
                if (step.Mode == EscalationModes.Reassign)
                {
                    task.Assignee = director.UserName;
                    task.Owner = null;
                    task.Status = HumanTaskStatus.Assigned;
                    detail = $"{title} {director.UserName} now holds the task";
                }
                else
                {
                    detail = $"{title} {director.UserName} may now work the task";
                }
            }
            var copy = previous is null || previous == director.UserName ? null : await directory.FindAsync(previous, default);
            TaskNotices.Queue(context, toFieldOperations ? TaskNotices.EscalatedToFieldOperations : TaskNotices.EscalatedToDirector,
                task, director.Email, copy?.Email);
        }
        context.UpdateTask(task);
        Record(context, task, step, "Escalated", JournalEvents.TaskEscalated, detail);
    }

    private static void Record(ActivityContext context, HumanTask task, EscalationStep step, string kind, string journalEvent, string detail)
    {
        var line = $"{step.At}: {detail}";
        context.AddTaskEvent(new TaskEvent { TaskId = task.Id, At = context.Now, Actor = context.Actor, Kind = kind, Detail = line });
        context.Journal(journalEvent, $"{task.Title}: {line}", data: new JsonObject
        {
            ["taskId"] = task.Id.ToString(),
            ["step"] = step.Index + 1,
            ["at"] = step.At.ToString(),
            ["firedAt"] = context.Now.ToString("O"),
            ["escalationLevel"] = task.EscalationLevel,
        });
    }
}
