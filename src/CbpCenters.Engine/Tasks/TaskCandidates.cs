using System.Text.Json.Nodes;
using CbpCenters.Engine.Activities;

namespace CbpCenters.Engine.Tasks;

/// <summary>
/// Who a task may reach, from the <c>candidates</c> property:
/// <c>{"roles": ["ImportSpecialist"], "pool": "core", "users": [...], "excludedUsers": {"expression": "[outputs.review.completedBy]"}}</c>.
/// <c>users</c> and <c>excludedUsers</c> are lists or expressions giving a list or one name; an excluded user
/// never receives, claims or completes the task, even when named elsewhere (four-eyes).
/// </summary>
public sealed record TaskCandidates(
    IReadOnlyList<string> Roles,
    CandidatePool Pool,
    IReadOnlyList<string> Users,
    IReadOnlyList<string> ExcludedUsers)
{
    public static TaskCandidates Read(ActivityContext context)
    {
        var written = context.Node.Property("candidates") as JsonObject ?? [];
        return new TaskCandidates(
            Names(written["roles"], context),
            PoolOf(written["pool"]?.ToString()) ?? CandidatePool.Either,
            Names(written["users"], context),
            Names(written["excludedUsers"], context));
    }

    /// <summary>Design errors of the <c>candidates</c> property, one sentence each.</summary>
    public static IEnumerable<string> DesignProblems(JsonNode? candidates, bool hasAssignee)
    {
        if (candidates is null)
        {
            if (!hasAssignee) yield return "property 'candidates' must name roles or users (or set 'assignee'), or nobody could ever work the task.";
            yield break;
        }
        if (candidates is not JsonObject written)
        {
            yield return "property 'candidates' must be an object: {\"roles\": [...], \"pool\": \"core\", \"users\": [...], \"excludedUsers\": [...]}.";
            yield break;
        }
        foreach (var (name, _) in written)
            if (name is not ("roles" or "pool" or "users" or "excludedUsers"))
                yield return $"candidates: unknown entry '{name}'; use roles, pool, users or excludedUsers.";
        if (written["roles"] is { } roles && !IsNameList(roles, allowExpression: false))
            yield return "candidates.roles must be a list of position names, e.g. [\"ImportSpecialist\"].";
        foreach (var list in new[] { "users", "excludedUsers" })
            if (written[list] is { } users && !IsNameList(users, allowExpression: true))
                yield return $"candidates.{list} must be a list of user names or {{\"expression\": \"...\"}}.";
        if (written["pool"] is { } pool && PoolOf(pool.ToString()) is null)
            yield return $"candidates.pool must be core, matrix or either, not '{pool}'.";
        var named = written["roles"] is JsonArray { Count: > 0 } || written["users"] is JsonObject or JsonArray { Count: > 0 };
        if (!named && !hasAssignee)
            yield return "candidates must name roles or users (or set 'assignee'), or nobody could ever work the task.";
    }

    public static CandidatePool? PoolOf(string? written) => written switch
    {
        null or "either" => CandidatePool.Either,
        "core" => CandidatePool.Core,
        "matrix" => CandidatePool.Matrix,
        _ => null,
    };

    private static bool IsNameList(JsonNode node, bool allowExpression) => node switch
    {
        JsonArray a => a.All(x => x is JsonValue v && v.TryGetValue<string>(out _)),
        JsonObject o => allowExpression && o["expression"] is JsonValue e && e.TryGetValue<string>(out _),
        _ => false,
    };

    private static List<string> Names(JsonNode? written, ActivityContext context)
    {
        var value = written is JsonObject o && o["expression"]?.ToString() is { } code ? context.Evaluate(code) : written;
        IEnumerable<string?> names = value switch
        {
            JsonArray a => a.Select(x => x?.ToString()),
            JsonValue v when v.TryGetValue<string>(out var one) => [one],
            _ => [],
        };
        return [.. names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).Distinct()];
    }
}
