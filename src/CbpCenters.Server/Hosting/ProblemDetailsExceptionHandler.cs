using System.Text.Json;
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
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
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
        DefinitionFormatException e => Validation(e.Field, e.Message),
        NoticeException e => Validation("notice", e.Message),
        WorkflowNotFoundException e => new ProblemDetails { Title = "Not found.", Detail = e.Message, Status = 404 },
        WorkflowConflictException e => new ProblemDetails { Title = "Conflict.", Detail = e.Message, Status = 409 },
        Domain.Cases.FilingOnFileException e => OnFile(e),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => JsonOnly(new ProblemDetails()),
        BadHttpRequestException e => BadRequest(e),
        _ => null,
    };

    /// <summary>A body or parameter that could not be read: the field named, and the form its value must take.</summary>
    private static ProblemDetails BadRequest(BadHttpRequestException e)
    {
        if (e.InnerException is JsonException json)
        {
            if (MissingProperties().Match(json.Message) is { Success: true } absent)
                return Validation(absent.Groups["names"].Value.Split(',').Select(n => n.Trim(' ', '\'')).ToDictionary(n => n, n => $"{n} is required."));
            var field = json.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "body";
            if (json.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase)) return Validation(field, $"{field} is given more than once.");
            return Validation(field, field != "body" ? $"{field} must be {Expected(json.InnerException?.Message ?? json.Message)}."
                : json.Message.Contains("could not be converted", StringComparison.Ordinal) ? "The request body must be a JSON object."
                : "The request body is not valid JSON.");
        }
        if (BadParameter().Match(e.Message) is { Success: true } parameter)
            return Validation(parameter.Groups["name"].Value, $"'{parameter.Groups["value"].Value}' is not a valid {parameter.Groups["name"].Value}: it must be {Expected(parameter.Groups["type"].Value)}.");
        if (MissingParameter().Match(e.Message) is { Success: true } missing)
            return missing.Groups["source"].Value == "body" || missing.Groups["implicit"].Success
                ? Validation("body", "The request has no body: send it as JSON (Content-Type: application/json).")
                : Validation(missing.Groups["name"].Value, $"{missing.Groups["name"].Value} is required ({missing.Groups["source"].Value}).");
        return new ProblemDetails { Title = "Bad request.", Detail = e.Message, Status = 400 };
    }

    /// <summary>
    /// A body sent as something other than JSON. Named as a field so callers find it where they find every other
    /// refusal; used both for the router's 415 (the endpoint accepts only JSON) and for the body reader's.
    /// </summary>
    internal static ProblemDetails JsonOnly(ProblemDetails problem)
    {
        const string rule = "The body must be JSON: send it with Content-Type: application/json.";
        problem.Title = "Unsupported media type.";
        problem.Status = StatusCodes.Status415UnsupportedMediaType;
        problem.Detail = rule;
        problem.Extensions["errors"] = new Dictionary<string, string[]> { ["Content-Type"] = [rule] };
        return problem;
    }

    private static string Expected(string typeText) => typeText switch
    {
        LawDateConverter.Expected => typeText,
        _ when typeText.Contains("DateOnly") => "a date, yyyy-MM-dd",
        _ when typeText.Contains("DateTimeOffset") || typeText.Contains("DateTime") => "a date and time, ISO 8601 (e.g. 2026-03-02T14:00:00Z)",
        _ when typeText.Contains("Decimal") || typeText.Contains("Int32") || typeText.Contains("Double") || typeText.Contains("Int64") => "a number",
        _ when typeText.Contains("Boolean") => "true or false",
        _ when typeText.Contains("Guid") => "an id (a GUID)",
        _ when typeText.Contains("List") || typeText.Contains("[]") => "a list",
        _ => "of the documented type",
    };

    [System.Text.RegularExpressions.GeneratedRegex("parameter \"(?<type>[^\"]*) (?<name>\\w+)\" from \"(?<value>[^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex BadParameter();

    [System.Text.RegularExpressions.GeneratedRegex("missing required properties including: (?<names>'[^.]*')")]
    private static partial System.Text.RegularExpressions.Regex MissingProperties();

    [System.Text.RegularExpressions.GeneratedRegex("^(?:Required parameter|(?<implicit>Implicit body inferred for parameter)) \"(?:(?<type>[^\"]*) )?(?<name>\\w+)\"(?: was not provided from (?<source>[\\w ]+))?")]
    private static partial System.Text.RegularExpressions.Regex MissingParameter();

    /// <summary>409 naming the field, like a 400, with the id of the case that already holds the filing.</summary>
    private static ValidationProblemDetails OnFile(Domain.Cases.FilingOnFileException e)
    {
        var problem = Validation(e.Field, e.Message);
        problem.Title = "Already on file.";
        problem.Status = StatusCodes.Status409Conflict;
        if (e.CaseId is { } caseId) problem.Extensions["caseId"] = caseId;
        return problem;
    }

    internal static ValidationProblemDetails Validation(string field, string message) => Validation(new Dictionary<string, string> { [field] = message });

    private static ValidationProblemDetails Validation(Dictionary<string, string> errors) =>
        new(errors.ToDictionary(e => e.Key, e => new[] { e.Value }))
        {
            Title = "The request is not valid.",
            Detail = string.Join(" ", errors.Values),
            Status = 400,
        };
}
