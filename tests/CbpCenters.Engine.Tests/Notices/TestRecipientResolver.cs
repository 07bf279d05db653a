using CbpCenters.Engine.Activities;
using CbpCenters.Engine.Notices;

namespace CbpCenters.Engine.Tests.Notices;

/// <summary>Resolves roles from a fixed table and remembers which roles were asked for.</summary>
public sealed class TestRecipientResolver : IRecipientResolver
{
    public Dictionary<string, string[]> Roles { get; } = new()
    {
        [RecipientRoles.Filer] = ["broker@harborcustoms.example", "trade@pacificcoast.example"],
        [RecipientRoles.NationalAccountManager] = ["nam.electronics@cbp.example"],
        [RecipientRoles.CenterDirector] = ["director.electronics@cbp.example"],
        [RecipientRoles.Dfo] = [],
    };

    public List<string> Asked { get; } = [];

    public Task<IReadOnlyList<string>> ResolveAsync(string role, ActivityContext context, CancellationToken ct)
    {
        Asked.Add(role);
        return Task.FromResult<IReadOnlyList<string>>(Roles.GetValueOrDefault(role) ?? []);
    }
}
