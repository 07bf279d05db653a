using CbpCenters.Domain.Cases;
using CbpCenters.Domain.Deadlines;
using CbpCenters.Domain.Routing;

namespace CbpCenters.Server.Cases;

/// <summary>The <c>Cases</c> section: which workflow runs each kind of case, the law's periods, and routing.</summary>
public sealed class CaseOptions
{
    public Dictionary<string, string> Workflows { get; set; } = new()
    {
        [CaseKinds.Protest] = "protest-review",
        [CaseKinds.PostSummaryCorrection] = "psc-review",
        [CaseKinds.PriorDisclosure] = "prior-disclosure-validation",
        [CaseKinds.EntrySummary] = "entry-summary-validation",
        [CaseKinds.Inquiry] = "trade-inquiry",
    };

    public StatutoryPeriods Law { get; set; } = new();

    /// <summary>HTS chapter → Center code; defaults to <see cref="CenterRouting.DefaultChapters"/>.</summary>
    public Dictionary<int, string>? Chapters { get; set; }

    public CenterRouting Routing() => new(Chapters is { Count: > 0 } c ? c : CenterRouting.DefaultChapters);
}
