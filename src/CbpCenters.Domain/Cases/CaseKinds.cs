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

/// <summary>A filing the Centers already hold (a protest number is filed once): the field, and the case that has it. Nothing was created.</summary>
public sealed class FilingOnFileException(string field, Guid caseId, string message) : Exception(message)
{
    public string Field { get; } = field;
    public Guid CaseId { get; } = caseId;
}
