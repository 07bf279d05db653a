using System.Text.Json.Nodes;
using CbpCenters.Engine.Activities;
using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Tasks;

namespace CbpCenters.Server.Email;

/// <summary>
/// Resolves a notice's recipient roles when the step runs: the filer's contacts from the case (or the
/// instance input), the person who made the last decision, the Center Director and DFO of the instance's
/// Center, and the account's National Account Manager.
/// </summary>
public sealed class RecipientResolver : IRecipientResolver
{
    public async Task<IReadOnlyList<string>> ResolveAsync(string role, ActivityContext context, CancellationToken ct)
    {
        var staff = context.Service<IStaffDirectory>();
        var center = context.Instance.CenterCode;
        return RecipientRoles.Canonical(role) switch
        {
            RecipientRoles.Filer => FilerAddresses(context.Execution.Case, context.Instance.Input),
            RecipientRoles.Assignee => await EmailOf(staff, context.Instance.State.LastOutcome?["completedBy"]?.ToString(), ct),
            RecipientRoles.CenterDirector when center is not null => Email(await staff.CenterDirectorAsync(center, ct)),
            RecipientRoles.Dfo when center is not null => Email(await staff.DirectorFieldOperationsAsync(center, ct)),
            RecipientRoles.NationalAccountManager => await EmailOf(staff, context.Execution.Case?["nationalAccountManager"]?.ToString(), ct),
            _ => [],
        };
    }

    private static IReadOnlyList<string> FilerAddresses(JsonObject? caseData, JsonObject input) =>
        caseData?["filerEmails"] is JsonArray emails
            ? [.. emails.Select(e => e?.ToString() ?? "").Where(e => e.Length > 0)]
            : input["filerEmail"]?.ToString() is { Length: > 0 } email ? [email] : [];

    private static async Task<IReadOnlyList<string>> EmailOf(IStaffDirectory staff, string? userName, CancellationToken ct) =>
        userName is null ? [] : Email(await staff.FindAsync(userName, ct));

    private static IReadOnlyList<string> Email(StaffProfile? person) => person is { Email.Length: > 0 } ? [person.Email] : [];
}
