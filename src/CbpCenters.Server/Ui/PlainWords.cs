using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tasks;

namespace CbpCenters.Server.Ui;

/// <summary>The service's refusals, as the sentence a specialist reads on screen. The engine already words them for people.</summary>
public static class PlainWords
{
    public const string Unexpected =
        "Something went wrong on the server and nothing was changed. Try again; if it keeps happening, tell the service desk when it happened.";

    /// <summary>The message for a refusal the person can act on, or null for a fault of the service itself.</summary>
    public static string? Explain(Exception ex) => ex switch
    {
        TaskValidationException or TaskForbiddenException or WorkflowConflictException or WorkflowInputException
            or WorkflowNotFoundException or DefinitionInvalidException or Domain.Cases.CaseFieldException => ex.Message,
        TaskNotFoundException => "This task no longer exists.",
        _ => null,
    };
}
