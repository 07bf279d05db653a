using CbpCenters.Domain.Centers;

namespace CbpCenters.Domain.Tests.Centers;

public sealed class CenterCatalogTests
{
    [Fact]
    public void The_catalog_holds_the_ten_Centers_with_their_offices_and_time_zones()
    {
        Center[] expected =
        [
            new("AGR", "Agriculture & Prepared Products", "Miami", "America/New_York"),
            new("AFT", "Apparel, Footwear & Textiles", "San Francisco", "America/Los_Angeles"),
            new("AUT", "Automotive & Aerospace", "Detroit", "America/Detroit"),
            new("BMT", "Base Metals", "Chicago", "America/Chicago"),
            new("CPM", "Consumer Products & Mass Merchandising", "Atlanta", "America/New_York"),
            new("ELE", "Electronics", "Long Beach", "America/Los_Angeles"),
            new("IMM", "Industrial & Manufacturing Materials", "Buffalo", "America/New_York"),
            new("MAC", "Machinery", "Laredo", "America/Chicago"),
            new("PNM", "Petroleum, Natural Gas & Minerals", "Houston", "America/Chicago"),
            new("PHC", "Pharmaceuticals, Health & Chemicals", "New York", "America/New_York"),
        ];

        Assert.Equal(expected, CenterCatalog.All);
    }

    [Fact]
    public void Every_Center_time_zone_is_a_real_IANA_zone()
    {
        Assert.All(CenterCatalog.All, c => Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(c.TimeZoneId)));
    }

    [Theory]
    [InlineData("ELE", "Electronics")]
    [InlineData("phc", "Pharmaceuticals, Health & Chemicals")]
    [InlineData(" mac ", "Machinery")]
    public void Find_looks_a_Center_up_by_code_in_any_case(string code, string name)
    {
        Assert.Equal(name, CenterCatalog.Find(code)?.Name);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("")]
    [InlineData("Electronics")]
    public void Find_returns_null_for_an_unknown_code(string code)
    {
        Assert.Null(CenterCatalog.Find(code));
    }
}
