namespace CbpCenters.Domain.Centers;

/// <summary>The positions that work a Center's cases; <see cref="StaffPositions.PoolOf"/> gives each one's usual pool.</summary>
public enum StaffPosition
{
    // Core staff: full time, report to the Center Director.
    AttorneyAdvisor,
    Auditor,
    DrawbackSpecialist,
    EntrySpecialist,
    FieldAnalysisSpecialist,
    ImportSpecialist,
    /// <summary>Supervises a team of Import Specialists; approves their proposed denials (four-eyes).</summary>
    SupervisoryImportSpecialist,
    InternationalTradeSpecialist,
    NationalAccountManager,
    NationalImportSpecialist,
    SupplyChainSpecialist,

    // Matrix staff: from the ports, part time on Center work.
    CbpOfficer,
    CbpAgricultureSpecialist,
    Paralegal,
    SeizedPropertySpecialist,
}
