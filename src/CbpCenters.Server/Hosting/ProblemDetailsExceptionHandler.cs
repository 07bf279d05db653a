using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tasks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CbpCenters.Server.Hosting;

/// <summary>
/// Turns the engine's exceptions into RFC 9457 problem details: 400 names the field and the rule, 404 says
/// what is missing, 409 says who got there first. Anything else is a 500 and is logged.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = ProblemFor(exception);
        if (problem is null) return false;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    internal static ProblemDetails? ProblemFor(Exception exception) => exception switch
    {
        WorkflowInputException e => Validation(e.Field, e.Message),
        TaskValidationException e => Validation(e.Field, e.Message),
        Domain.Cases.CaseFieldException e => Validation(e.Field, e.Message),
        TaskNotFoundException e => new ProblemDetails { Title = "Not found.", Detail = e.Message, Status = 404 },
        TaskForbiddenException e => new ProblemDetails { Title = "Not allowed.", Detail = e.Message, Status = 403 },
        DefinitionInvalidException e => new ValidationProblemDetails(
            e.Errors.GroupBy(x => x.ActivityId is null ? "definition" : $"activities.{x.ActivityId}")
                .ToDictionary(g => g.Key, g => g.Select(x => $"{x.Message} (rule: {x.Rule})").ToArray()))
        { Title = "The workflow definition is not valid.", Status = 400 },
        DefinitionFormatException e => Validation("definition", e.Message),
        NoticeException e => Validation("notice", e.Message),
        WorkflowNotFoundException e => new ProblemDetails { Title = "Not found.", Detail = e.Message, Status = 404 },
        WorkflowConflictException e => new ProblemDetails { Title = "Conflict.", Detail = e.Message, Status = 409 },
        BadHttpRequestException e => new ProblemDetails { Title = "Bad request.", Detail = e.Message, Status = 400 },
        _ => null,
    };

    internal static ValidationProblemDetails Validation(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Title = "The request is not valid.",
            Detail = message,
            Status = 400,
        };
}
