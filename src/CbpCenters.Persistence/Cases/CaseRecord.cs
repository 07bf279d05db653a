using System.Text.Json.Nodes;
using CbpCenters.Domain.Cases;

namespace CbpCenters.Persistence.Cases;

/// <summary>
/// A case of Center work: its kind, reference, Center, importer, status, the data workflows read as <c>case</c>,
/// and its deadlines. Columns hold what lists filter on; everything else is the JSON data.
/// </summary>
public sealed class CaseRecord
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string Reference { get; set; } = "";
    /// <summary>Null when the work stays at the port (entry summaries of importers who are not trusted partners).</summary>
    public string? CenterCode { get; set; }
    public string RoutingReason { get; set; } = "";
    public string ImporterNumber { get; set; } = "";
    public string ImporterName { get; set; } = "";
    public string Status { get; set; } = CaseStatuses.Open;
    public JsonObject Data { get; set; } = [];
    public List<CaseDeadline> Deadlines { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public Guid? InstanceId { get; set; }
    public string? DefinitionId { get; set; }
    public int Version { get; set; }
}

public static class CaseStatuses
{
    public const string Open = "Open";
    public const string ProcessedAtPort = "Processed at the port";
}

/// <summary>An importer account: programmes, assigned Center, filer contacts and National Account Manager.</summary>
public sealed class ImporterRecord
{
    public string ImporterNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public bool CTpat { get; set; }
    public bool Isa { get; set; }
    public string? CenterCode { get; set; }
    public List<string> FilerEmails { get; set; } = [];
    public string? NationalAccountManager { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public ImporterAccount ToAccount() => new(ImporterNumber, Name, CTpat, Isa, CenterCode, FilerEmails, NationalAccountManager);
}

/// <summary>A filer's answer to the Center (e.g. to a CBP Form 28), kept with the case.</summary>
public sealed class FilerResponse
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public string? From { get; set; }
    public string Text { get; set; } = "";
    public string Signal { get; set; } = "";
}

/// <summary>
/// The first answer to a request with an Idempotency-Key: a retry with the same key (same caller, same route)
/// gets this answer and creates nothing. Inserted with the case, so two concurrent first tries cannot both win.
/// </summary>
public sealed class IdempotencyRecord
{
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public Guid CaseId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
