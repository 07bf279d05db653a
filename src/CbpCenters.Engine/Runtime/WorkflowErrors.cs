namespace CbpCenters.Engine.Runtime;

/// <summary>The request names something that does not exist (definition, version, instance, bookmark).</summary>
public sealed class WorkflowNotFoundException(string message) : Exception(message);

/// <summary>The request is invalid; <see cref="Field"/> names the offending field. Nothing was changed.</summary>
public sealed class WorkflowInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>A definition failed validation; the errors name each activity and rule.</summary>
public sealed class DefinitionInvalidException(IReadOnlyList<Definitions.DefinitionError> errors)
    : Exception("The definition is not valid: " + string.Join("; ", errors))
{
    public IReadOnlyList<Definitions.DefinitionError> Errors { get; } = errors;
}
