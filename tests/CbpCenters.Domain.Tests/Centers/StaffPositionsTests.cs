using CbpCenters.Domain.Centers;

namespace CbpCenters.Domain.Tests.Centers;

public sealed class StaffPositionsTests
{
    [Theory]
    [InlineData(StaffPosition.AttorneyAdvisor)]
    [InlineData(StaffPosition.Auditor)]
    [InlineData(StaffPosition.DrawbackSpecialist)]
    [InlineData(StaffPosition.EntrySpecialist)]
    [InlineData(StaffPosition.FieldAnalysisSpecialist)]
    [InlineData(StaffPosition.ImportSpecialist)]
    [InlineData(StaffPosition.SupervisoryImportSpecialist)]
    [InlineData(StaffPosition.InternationalTradeSpecialist)]
    [InlineData(StaffPosition.NationalAccountManager)]
    [InlineData(StaffPosition.NationalImportSpecialist)]
    [InlineData(StaffPosition.SupplyChainSpecialist)]
    public void Professional_positions_are_core_staff(StaffPosition position)
    {
        Assert.Equal(StaffPool.Core, StaffPositions.PoolOf(position));
    }

    [Theory]
    [InlineData(StaffPosition.CbpOfficer)]
    [InlineData(StaffPosition.CbpAgricultureSpecialist)]
    [InlineData(StaffPosition.Paralegal)]
    [InlineData(StaffPosition.SeizedPropertySpecialist)]
    public void Port_positions_are_matrix_staff(StaffPosition position)
    {
        Assert.Equal(StaffPool.Matrix, StaffPositions.PoolOf(position));
    }

    [Fact]
    public void Every_position_has_a_pool()
    {
        Assert.All(Enum.GetValues<StaffPosition>(), p => StaffPositions.PoolOf(p));
        Assert.Equal(15, Enum.GetValues<StaffPosition>().Length);
    }
}
