namespace CbpCenters.Domain.Identifiers;

/// <summary>Which of the three importer-number forms of CBP Form 5106 (19 CFR 24.5) a number uses.</summary>
public enum ImporterNumberKind
{
    /// <summary>IRS employer number with a 2-character suffix, <c>NN-NNNNNNNXX</c>.</summary>
    Irs,

    /// <summary>Social Security number, <c>NNN-NN-NNNN</c>.</summary>
    Ssn,

    /// <summary>Number assigned by CBP, <c>YYDDPP-NNNNN</c>.</summary>
    CbpAssigned,
}
