namespace CbpCenters.Domain.Cases;

/// <summary>The kinds of Center work, as workflows and notice templates name them.</summary>
public static class CaseKinds
{
    public const string EntrySummary = "entry-summary";
    public const string Protest = "protest";
    public const string PostSummaryCorrection = "psc";
    public const string PriorDisclosure = "prior-disclosure";
    public const string Inquiry = "inquiry";

    public static readonly IReadOnlyList<string> All = [EntrySummary, Protest, PostSummaryCorrection, PriorDisclosure, Inquiry];
}

/// <summary>A filing that breaks a rule: the field (as the caller wrote it) and the rule in words. Nothing was created.</summary>
public sealed class CaseFieldException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// A protest the Centers already hold (a protest number is filed once): the field, and the case that has it when the
/// caller may know it. Nothing was created.
/// </summary>
public sealed class FilingOnFileException(string field, string reference, Guid? caseId = null, string? centerCode = null, DateTimeOffset? filedAt = null)
    : Exception(caseId is null
        ? $"Protest {reference} is already on file. A protest number is filed once."
        : $"Protest {reference} is already on file: case {caseId} ({centerCode} Center, filed {filedAt:yyyy-MM-dd}). A protest number is filed once.")
{
    public string Field { get; } = field;
    public Guid? CaseId { get; } = caseId;
    public string? CenterCode { get; } = centerCode;

    /// <summary>The same refusal without the case, for a caller who may not see its Center.</summary>
    public FilingOnFileException WithoutCase() => new(Field, reference);
}
