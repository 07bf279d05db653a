namespace CbpCenters.Domain.Deadlines;

/// <summary>
/// Whether a Post Summary Correction may be filed. When it may not, <see cref="Reason"/> is a sentence
/// for the filer naming the rule and the dates involved; <see cref="LastFilingDate"/> is given either way.
/// </summary>
public sealed record PscEligibility(bool IsEligible, DateOnly LastFilingDate, string? Reason)
{
    public static PscEligibility Eligible(DateOnly lastFilingDate) => new(true, lastFilingDate, null);

    public static PscEligibility NotEligible(DateOnly lastFilingDate, string reason) => new(false, lastFilingDate, reason);
}
