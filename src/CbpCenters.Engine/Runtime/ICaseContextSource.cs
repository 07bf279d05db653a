using System.Text.Json.Nodes;

namespace CbpCenters.Engine.Runtime;

/// <summary>Supplies the <c>case</c> an instance works on to its expressions and templates.</summary>
public interface ICaseContextSource
{
    Task<JsonObject?> GetCaseAsync(Guid caseId, CancellationToken cancellationToken);
}

internal sealed class NoCaseContextSource : ICaseContextSource
{
    public Task<JsonObject?> GetCaseAsync(Guid caseId, CancellationToken cancellationToken) => Task.FromResult<JsonObject?>(null);
}
