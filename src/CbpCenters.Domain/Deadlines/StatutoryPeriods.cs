namespace CbpCenters.Domain.Deadlines;

/// <summary>
/// The day, year and step counts the deadline rules use, with the values of the statutes and regulations
/// as defaults. It is configuration: bind it from settings to follow a change in the law without a release.
/// Day counts are calendar days; none of them skips weekends or holidays.
/// </summary>
public sealed record StatutoryPeriods
{
    /// <summary>Protest filed within 180 days after liquidation (19 CFR 174.12(e)).</summary>
    public int ProtestFilingDays { get; set; } = 180;

    /// <summary>Protest allowed or denied within 2 years of filing (19 CFR 174.21(a)).</summary>
    public int ProtestDecisionYears { get; set; } = 2;

    /// <summary>Accelerated disposition: decided within 30 days of the request (19 CFR 174.22).</summary>
    public int AcceleratedDispositionDays { get; set; } = 30;

    /// <summary>Court of International Trade action within 180 days of the denial (19 CFR 174.31).</summary>
    public int CourtOfInternationalTradeDays { get; set; } = 180;

    /// <summary>PSC filed within 300 days of the entry date.</summary>
    public int PscMaxDaysAfterEntry { get; set; } = 300;

    /// <summary>PSC filed at least 15 days before the scheduled liquidation date.</summary>
    public int PscMinDaysBeforeLiquidation { get; set; } = 15;

    /// <summary>Answer to a Request for Information, CBP Form 28 (19 U.S.C. 1509; practice).</summary>
    public int RequestForInformationDays { get; set; } = 30;

    /// <summary>Response to a Notice of Action, CBP Form 29 (19 CFR 152.2).</summary>
    public int NoticeOfActionDays { get; set; } = 20;

    /// <summary>Oral prior disclosure confirmed in writing within 10 days (19 CFR 162.74).</summary>
    public int PriorDisclosureWrittenConfirmationDays { get; set; } = 10;

    /// <summary>Missing prior-disclosure information supplied within 30 days, extendable (19 CFR 162.74).</summary>
    public int PriorDisclosurePerfectionDays { get; set; } = 30;

    /// <summary>Loss of duties tendered within 30 days of the notice of the computed amount (19 CFR 162.74).</summary>
    public int TenderDays { get; set; } = 30;

    /// <summary>CBP usually schedules liquidation about 314 days after entry, on a Friday.</summary>
    public int LiquidationDaysAfterEntry { get; set; } = 314;

    /// <summary>Deemed liquidation 1 year after entry unless extended (19 U.S.C. 1504(a)).</summary>
    public int DeemedLiquidationYears { get; set; } = 1;

    /// <summary>Each extension of liquidation adds 1 year (19 U.S.C. 1504(b)).</summary>
    public int LiquidationExtensionYears { get; set; } = 1;

    /// <summary>At most 3 extensions of liquidation (19 U.S.C. 1504(b)).</summary>
    public int MaxLiquidationExtensions { get; set; } = 3;
}
