namespace CbpCenters.Domain.Centers;

/// <summary>Facts about <see cref="StaffPosition"/>s.</summary>
public static class StaffPositions
{
    /// <summary>
    /// The pool a position usually belongs to: the professional positions are core staff, while CBP
    /// Officers, Agriculture Specialists, Paralegals and Seized Property Specialists are matrixed from the
    /// ports (which is why the penalty side of a prior disclosure is matrix work).
    /// </summary>
    public static StaffPool PoolOf(StaffPosition p) => p switch
    {
        StaffPosition.AttorneyAdvisor
            or StaffPosition.Auditor
            or StaffPosition.DrawbackSpecialist
            or StaffPosition.EntrySpecialist
            or StaffPosition.FieldAnalysisSpecialist
            or StaffPosition.ImportSpecialist
            or StaffPosition.SupervisoryImportSpecialist
            or StaffPosition.InternationalTradeSpecialist
            or StaffPosition.NationalAccountManager
            or StaffPosition.NationalImportSpecialist
            or StaffPosition.SupplyChainSpecialist => StaffPool.Core,
        StaffPosition.CbpOfficer
            or StaffPosition.CbpAgricultureSpecialist
            or StaffPosition.Paralegal
            or StaffPosition.SeizedPropertySpecialist => StaffPool.Matrix,
        _ => throw new ArgumentOutOfRangeException(nameof(p), p, "not a staff position"),
    };
}
