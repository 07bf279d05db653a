namespace CbpCenters.Engine.Tasks;

/// <summary>No task has this id (404).</summary>
public sealed class TaskNotFoundException(Guid taskId) : Exception($"Task {taskId} does not exist.")
{
    public Guid TaskId { get; } = taskId;
}

/// <summary>The caller may not do this to the task (403); the message says why, in the Centers' words.</summary>
public sealed class TaskForbiddenException(string message) : Exception(message);

/// <summary>The request is invalid (400); <see cref="Field"/> names the offending field. Nothing was changed.</summary>
public sealed class TaskValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
