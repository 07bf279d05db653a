using System.Text.Json.Nodes;
using CbpCenters.Domain.Centers;
using CbpCenters.Engine.Runtime;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Cases;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Cases;

/// <summary>
/// The <c>case</c> workflows and notices read: the filing's data plus what every case has (reference, Center,
/// importer, filer contacts, National Account Manager, status, deadlines by name).
/// </summary>
public sealed class CaseContextSource(IServiceScopeFactory scopes) : ICaseContextSource
{
    public async Task<JsonObject?> GetCaseAsync(Guid caseId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CbpCentersDbContext>();
        var record = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (record is null) return null;
        var importer = await db.Importers.AsNoTracking().FirstOrDefaultAsync(i => i.ImporterNumber == record.ImporterNumber, ct);
        return Compose(record, importer);
    }

    public static JsonObject Compose(CaseRecord record, ImporterRecord? importer)
    {
        var data = record.Data.DeepClone().AsObject();
        data["id"] = record.Id.ToString();
        data["kind"] = record.Kind;
        data["reference"] ??= record.Reference;
        data["status"] = record.Status;
        data["centerCode"] = record.CenterCode;
        data["centerName"] = record.CenterCode is { } code ? CenterCatalog.Find(code)?.Name : null;
        data["importerNumber"] = record.ImporterNumber;
        data["importerName"] = record.ImporterName;
        data["nationalAccountManager"] = importer?.NationalAccountManager;
        data["programmes"] = new JsonArray([.. (importer?.ToAccount().Programmes ?? []).Select(p => (JsonNode)JsonValue.Create(p))]);
        data["filerName"] ??= record.ImporterName;
        if (data["filerEmails"] is not JsonArray { Count: > 0 })
            data["filerEmails"] = new JsonArray([.. (importer?.FilerEmails ?? []).Select(e => (JsonNode)JsonValue.Create(e))]);
        var deadlines = new JsonObject();
        foreach (var d in record.Deadlines) deadlines[Camel(d.Name)] = d.Date.ToString("yyyy-MM-dd");
        data["deadlines"] = deadlines;
        return data;
    }

    private static string Camel(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(words.Select((w, i) => i == 0 ? w.ToLowerInvariant() : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
    }
}
