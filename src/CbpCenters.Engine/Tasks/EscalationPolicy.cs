using System.Text.Json.Nodes;

namespace CbpCenters.Engine.Tasks;

public static class EscalationActions
{
    public const string Remind = "remind";
    public const string Escalate = "escalate";
    public const string Timeout = "timeout";
    public static readonly string[] All = [Remind, Escalate, Timeout];
}

public static class EscalationTargets
{
    public const string CenterDirector = "CenterDirector";
    public const string DirectorFieldOperations = "DFO";
    public static readonly string[] All = [CenterDirector, DirectorFieldOperations];
}

public static class EscalationModes
{
    /// <summary>The director joins the task's candidate users; the assignee keeps it.</summary>
    public const string Candidate = "candidate";
    /// <summary>The director becomes the assignee.</summary>
    public const string Reassign = "reassign";
    public static readonly string[] All = [Candidate, Reassign];
}

/// <summary>One step of a task's escalation policy: when (<see cref="At"/>) and what to do.</summary>
public sealed record EscalationStep(int Index, EscalationMoment At, string Action, string? To, string Mode);

/// <summary>
/// A task's escalation policy, from the <c>escalation</c> property: ordered steps
/// <c>[{"at": "75%", "action": "remind"}, {"at": "due", "action": "escalate", "to": "CenterDirector"},
/// {"at": "due+P10BD", "action": "escalate", "to": "DFO"}, {"at": "due+P20BD", "action": "timeout"}]</c>.
/// Each step runs on its own durable timer, so it fires once, at its instant, whatever happens to the process.
/// </summary>
public sealed class EscalationPolicy
{
    private EscalationPolicy(IReadOnlyList<EscalationStep> steps) => Steps = steps;

    public IReadOnlyList<EscalationStep> Steps { get; }

    /// <summary>A step is placed relative to the due date, so the task must have one.</summary>
    public bool NeedsDue => Steps.Any(s => s.At.NeedsDue);

    /// <summary>Reads a policy that passed <see cref="DesignProblems"/>.</summary>
    /// <exception cref="FormatException">The policy is malformed.</exception>
    public static EscalationPolicy Read(JsonNode? escalation)
    {
        if (escalation is null) return new([]);
        if (escalation is not JsonArray steps) throw new FormatException("property 'escalation' must be a list of steps.");
        return new([.. steps.Select((step, index) =>
        {
            var at = step?["at"]?.ToString();
            if (!EscalationMoment.TryParse(at, out var moment, out var error)) throw new FormatException($"escalation step {index + 1}: {error}");
            var action = step?["action"]?.ToString() ?? "";
            return new EscalationStep(index, moment, action, step?["to"]?.ToString(), step?["mode"]?.ToString() ?? EscalationModes.Candidate);
        })]);
    }

    /// <summary>Design errors of the <c>escalation</c> property, one sentence each.</summary>
    public static IEnumerable<string> DesignProblems(JsonNode? escalation, bool hasDue)
    {
        if (escalation is null) yield break;
        if (escalation is not JsonArray steps)
        {
            yield return "property 'escalation' must be a list of steps: [{\"at\": \"75%\", \"action\": \"remind\"}].";
            yield break;
        }
        for (var i = 0; i < steps.Count; i++)
        {
            var name = $"escalation step {i + 1}";
            if (steps[i] is not JsonObject step)
            {
                yield return $"{name} must be an object {{at, action, to, mode}}.";
                continue;
            }
            if (!EscalationMoment.TryParse(step["at"]?.ToString(), out var at, out var error))
                yield return $"{name}: {error}";
            else if (at.NeedsDue && !hasDue)
                yield return $"{name} is placed relative to the due date ('{at}'), but the task has no 'due'.";
            var action = step["action"]?.ToString();
            if (action is null || !EscalationActions.All.Contains(action))
                yield return $"{name}: action must be one of {string.Join(", ", EscalationActions.All)}, not '{action}'.";
            var to = step["to"]?.ToString();
            if (action == EscalationActions.Escalate && (to is null || !EscalationTargets.All.Contains(to)))
                yield return $"{name}: an escalation goes to CenterDirector or DFO, not '{to}'.";
            if (action != EscalationActions.Escalate && (to is not null || step["mode"] is not null))
                yield return $"{name}: only an escalate step takes 'to' and 'mode'.";
            if (step["mode"]?.ToString() is { } mode && !EscalationModes.All.Contains(mode))
                yield return $"{name}: mode must be candidate or reassign, not '{mode}'.";
        }
    }
}
