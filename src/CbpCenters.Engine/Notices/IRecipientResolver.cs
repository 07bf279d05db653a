using CbpCenters.Engine.Activities;

namespace CbpCenters.Engine.Notices;

/// <summary>
/// Turns a recipient role of a notice into addresses at send time: the case's filer contacts, the task's
/// assignee, the Center Director and DFO of the instance's Center, the account's National Account Manager.
/// An empty list means "nobody holds this role here"; the caller decides whether that is an error.
/// </summary>
public interface IRecipientResolver
{
    Task<IReadOnlyList<string>> ResolveAsync(string role, ActivityContext context, CancellationToken ct);
}

/// <summary>The recipient roles a definition may name instead of an address.</summary>
public static class RecipientRoles
{
    public const string Filer = "filer";
    public const string Assignee = "assignee";
    public const string CenterDirector = "CenterDirector";
    public const string Dfo = "DFO";
    public const string NationalAccountManager = "nam";

    public static readonly IReadOnlyList<string> All = [Filer, Assignee, CenterDirector, Dfo, NationalAccountManager];

    /// <summary>The role's canonical spelling, matched ignoring case ("dfo" → "DFO"); null when it is not a role.</summary>
    public static string? Canonical(string name) =>
        All.FirstOrDefault(r => string.Equals(r, name.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>The engine alone knows nobody: every role resolves to no address. A host registers its own resolver.</summary>
internal sealed class NoRecipientResolver : IRecipientResolver
{
    public Task<IReadOnlyList<string>> ResolveAsync(string role, ActivityContext context, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
