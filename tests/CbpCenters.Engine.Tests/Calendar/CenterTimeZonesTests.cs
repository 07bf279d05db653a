using CbpCenters.Engine.Calendar;

namespace CbpCenters.Engine.Tests.Calendar;

public sealed class CenterTimeZonesTests
{
    [Theory]
    [InlineData("America/New_York", -5)]
    [InlineData("America/Detroit", -5)]
    [InlineData("America/Chicago", -6)]
    [InlineData("America/Los_Angeles", -8)]
    public void Find_resolves_the_Centers_IANA_zones(string ianaId, int standardOffsetHours)
    {
        var zone = CenterTimeZones.Find(ianaId);

        Assert.Equal(TimeSpan.FromHours(standardOffsetHours), zone.BaseUtcOffset);
    }

    [Fact]
    public void Find_names_an_unknown_zone_in_its_error()
    {
        var error = Assert.Throws<TimeZoneNotFoundException>(() => CenterTimeZones.Find("America/Atlantis"));

        Assert.Contains("'America/Atlantis' is not a known time zone", error.Message);
    }
}
