using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CbpCenters.Domain.Cases;
using CbpCenters.Domain.Centers;
using CbpCenters.Domain.Identifiers;
using CbpCenters.Domain.Routing;
using CbpCenters.Engine.Runtime;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Cases;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Cases;

/// <summary>What intake answers: the case, where it went and the workflow now running it.</summary>
public sealed record IntakeResult(Guid CaseId, string Kind, string Reference, string? CenterCode, string RoutedTo,
    string RoutingReason, Guid? InstanceId, string Status);

/// <summary>A filing to open, once its importer is known.</summary>
public sealed record IntakeRequest(
    string Kind, string? ImporterNumber, string? ImporterName, string? FilerName, string? FilerEmail, IReadOnlyList<GoodsLine>? Lines,
    Func<DateOnly, string, CaseOpening> Open, string? CenterOverride = null, bool AtPortUnlessTrusted = false);

/// <summary>
/// Opens cases from filings: validates, routes to a Center, saves the case, starts its workflow. With an
/// Idempotency-Key, the key row is written in the same transaction as the case, so of two identical requests
/// racing only one creates a case; every retry gets the first case back, and finishes starting its workflow
/// if the first attempt stopped halfway. A protest number is filed once: a unique index on the protest's
/// reference makes the second of two racing filings fail, and it is answered like one that came later.
/// </summary>
public sealed class CaseIntake(CbpCentersDbContext db, CaseOptions options, WorkflowRuntime runtime, TimeProvider clock, ICenterCalendar calendars, ILogger<CaseIntake> logger)
{
    public async Task<(IntakeResult Result, bool Created)> OpenAsync(IntakeRequest request, object body, string actor, string? idempotencyKey, CancellationToken ct)
    {
        var key = idempotencyKey is { Length: > 0 } k ? $"{actor}:{request.Kind}:{k}" : null;
        var hash = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body)));
        if (key is not null && await ReplayAsync(key, hash, actor, ct) is { } replay) return (replay, false);

        var now = clock.GetUtcNow();
        var importer = await ImporterAsync(request, now, ct);
        var caseId = Guid.CreateVersion7();
        string Reference(DateOnly today) => $"{Prefix(request.Kind)}-{today.Year}-{caseId.ToString("N")[^6..].ToUpperInvariant()}";
        // A filing is received on the date it is at the Center that gets it. The Center follows from the goods,
        // not the date, so the filing is routed on its UTC-dated reading (never stricter: every Center's date is
        // UTC's or the day before) and read again when the Center's date differs.
        var utcToday = DateOnly.FromDateTime(now.UtcDateTime);
        var opening = request.Open(utcToday, Reference(utcToday));
        var routing = Route(request, importer.ToAccount(), opening);
        var centerToday = calendars.TodayAt(routing.CenterCode, now);
        if (centerToday != utcToday) opening = request.Open(centerToday, Reference(centerToday));
        if (routing.AssignsCenterToImporter) importer.CenterCode = routing.CenterCode;
        if (await ProtestOnFileAsync(opening, ct) is { } onFile)
        {
            // A retry racing its first request finds the case that request has just filed: it gets the first answer.
            if (key is not null && await ReplayAsync(key, hash, actor, ct) is { } first) return (first, false);
            throw onFile;
        }

        var data = opening.Data;
        data["filerName"] = Filing.Optional(request.FilerName, "filerName", Filing.NameLength)
            ?? Filing.Optional(request.ImporterName, "importerName", Filing.NameLength) ?? importer.Name;
        if (Filing.OptionalEmail(request.FilerEmail, "filerEmail") is { } email) data["filerEmails"] = new System.Text.Json.Nodes.JsonArray(email);
        var record = new CaseRecord
        {
            Id = caseId, Kind = opening.Kind, Reference = opening.Reference, CenterCode = routing.CenterCode, RoutingReason = routing.Reason,
            ImporterNumber = importer.ImporterNumber, ImporterName = importer.Name, Data = data, Deadlines = [.. opening.Deadlines],
            Status = routing.AtPort ? CaseStatuses.ProcessedAtPort : CaseStatuses.Open, CreatedAt = now, UpdatedAt = now, CreatedBy = actor,
            DefinitionId = routing.AtPort ? null : options.Workflows.GetValueOrDefault(opening.Kind),
        };
        db.Cases.Add(record);
        if (key is not null) db.IdempotencyKeys.Add(new IdempotencyRecord { Key = key, RequestHash = hash, CaseId = caseId, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (key is not null || opening.Kind == CaseKinds.Protest)
        {
            db.ChangeTracker.Clear();
            if (key is not null && await ReplayAsync(key, hash, actor, ct) is { } first) return (first, false);
            if (await ProtestOnFileAsync(opening, ct) is { } racedIn) throw racedIn;
            if (key is null) throw;
            throw new WorkflowConflictException("A request with this Idempotency-Key is being processed; retry it.");
        }
        return (await StartWorkflowAsync(record, actor, ct), true);
    }

    private async Task<IntakeResult?> ReplayAsync(string key, string hash, string actor, CancellationToken ct)
    {
        var first = await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        if (first is null) return null;
        if (first.RequestHash != hash)
            throw new WorkflowInputException("Idempotency-Key", "This Idempotency-Key was already used for a different request; use a new key for a new filing.");
        var record = await db.Cases.FirstAsync(c => c.Id == first.CaseId, ct);
        return record.InstanceId is null && record.DefinitionId is not null ? await StartWorkflowAsync(record, actor, ct) : ToResult(record);
    }

    /// <summary>
    /// Starts the case's workflow exactly once: its instance takes the case's id, so a second start (a retry
    /// racing the first request) collides on the key and is told the instance is already there.
    /// </summary>
    private async Task<IntakeResult> StartWorkflowAsync(CaseRecord record, string actor, CancellationToken ct)
    {
        if (record.DefinitionId is not { } definitionId) return ToResult(record);
        if (!await db.Instances.AnyAsync(i => i.Id == record.Id, ct))
        {
            try
            {
                await runtime.StartAsync(new StartWorkflow(definitionId, CorrelationId: record.Reference, CaseId: record.Id,
                    CenterCode: record.CenterCode, Actor: actor, InstanceId: record.Id), ct);
            }
            catch (WorkflowConflictException)
            {
                if (!await db.Instances.AnyAsync(i => i.Id == record.Id, ct)) throw;
                logger.LogDebug("Case {Reference}: its workflow was started by a concurrent request", record.Reference);
            }
            catch (WorkflowNotFoundException ex)
            {
                logger.LogError("Case {Reference} was opened but its workflow could not start: {Reason}", record.Reference, ex.Message);
                return ToResult(record);
            }
        }
        await db.Cases.Where(c => c.Id == record.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.InstanceId, record.Id), ct);
        return ToResult(await db.Cases.AsNoTracking().FirstAsync(c => c.Id == record.Id, ct));
    }

    /// <summary>The refusal for a protest whose number is already on file, or null: a protest number is filed once.</summary>
    private async Task<FilingOnFileException?> ProtestOnFileAsync(CaseOpening opening, CancellationToken ct)
    {
        if (opening.Kind != CaseKinds.Protest) return null;
        var onFile = await db.Cases.AsNoTracking().Where(c => c.Kind == CaseKinds.Protest && c.Reference == opening.Reference)
            .Select(c => new { c.Id, c.CenterCode, c.CreatedAt }).FirstOrDefaultAsync(ct);
        return onFile is null ? null : new FilingOnFileException("protestNumber", opening.Reference, onFile.Id, onFile.CenterCode, onFile.CreatedAt);
    }

    private async Task<ImporterRecord> ImporterAsync(IntakeRequest request, DateTimeOffset now, CancellationToken ct)
    {
        if (request.Kind == CaseKinds.Inquiry)
        {
            // A question may name an importer; when it is one the Centers know, the inquiry is kept with that account.
            if (string.IsNullOrWhiteSpace(request.ImporterNumber)) return Anonymous(request);
            if (!ImporterNumber.TryParse(request.ImporterNumber, out var n, out var wrong))
                throw new WorkflowInputException("importerNumber", wrong ?? "importerNumber is not an importer number.");
            var known = await db.Importers.FirstOrDefaultAsync(i => i.ImporterNumber == n.Value, ct);
            return known ?? Anonymous(request);
        }
        if (!ImporterNumber.TryParse(request.ImporterNumber, out var number, out var error))
            throw new WorkflowInputException("importerNumber", error ?? "importerNumber is required.");
        var importer = await db.Importers.FirstOrDefaultAsync(i => i.ImporterNumber == number.Value, ct);
        if (importer is not null) return importer;
        if (string.IsNullOrWhiteSpace(request.ImporterName))
            throw new WorkflowInputException("importerName", $"Importer {number.Value} is not known yet; give its importerName to register it.");
        importer = new ImporterRecord { ImporterNumber = number.Value, Name = request.ImporterName.Trim(), UpdatedAt = now };
        db.Importers.Add(importer);
        return importer;
    }

    /// <summary>An inquiry from someone the Centers hold no account for.</summary>
    private static ImporterRecord Anonymous(IntakeRequest request) => new() { ImporterNumber = "", Name = request.FilerName ?? "Trade community" };

    private RoutingDecision Route(IntakeRequest request, ImporterAccount importer, CaseOpening opening)
    {
        var routing = options.Routing();
        var lines = opening.Lines.Select(l => new GoodsLine(l.HtsNumber, l.Value)).ToList();
        if (request.CenterOverride is { } center)
            return CenterCatalog.Find(center) is { } c
                ? new(c.Code, $"Addressed to the {c.Name} Center.", false)
                : throw new WorkflowInputException("centerCode", $"'{center}' is not a Center code (e.g. PHC, ELE).");
        return request.AtPortUnlessTrusted ? routing.RouteEntrySummary(importer, lines)
            : request.Kind == CaseKinds.Inquiry ? routing.RouteAccount(importer, lines, "htsNumber", htsField: "htsNumber")
            : routing.RouteAccount(importer, lines, "lines");
    }

    private static string Prefix(string kind) => kind switch { CaseKinds.PriorDisclosure => "PD", CaseKinds.Inquiry => "INQ", _ => "CASE" };

    private static IntakeResult ToResult(CaseRecord r) => new(r.Id, r.Kind, r.Reference, r.CenterCode, r.CenterCode is null ? "Port" : "Center",
        r.RoutingReason, r.InstanceId, r.Status);
}
