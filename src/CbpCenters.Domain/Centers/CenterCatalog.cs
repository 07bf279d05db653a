namespace CbpCenters.Domain.Centers;

/// <summary>
/// The ten Centers of Excellence and Expertise (TFTEA sec. 110; CBP Dec. 16-26). Codes are stable: data
/// and workflow definitions refer to Centers by them.
/// </summary>
public static class CenterCatalog
{
    public static IReadOnlyList<Center> All { get; } = new[]
    {
        new Center("AGR", "Agriculture & Prepared Products", "Miami", "America/New_York"),
        new Center("AFT", "Apparel, Footwear & Textiles", "San Francisco", "America/Los_Angeles"),
        new Center("AUT", "Automotive & Aerospace", "Detroit", "America/Detroit"),
        new Center("BMT", "Base Metals", "Chicago", "America/Chicago"),
        new Center("CPM", "Consumer Products & Mass Merchandising", "Atlanta", "America/New_York"),
        new Center("ELE", "Electronics", "Long Beach", "America/Los_Angeles"),
        new Center("IMM", "Industrial & Manufacturing Materials", "Buffalo", "America/New_York"),
        new Center("MAC", "Machinery", "Laredo", "America/Chicago"),
        new Center("PNM", "Petroleum, Natural Gas & Minerals", "Houston", "America/Chicago"),
        new Center("PHC", "Pharmaceuticals, Health & Chemicals", "New York", "America/New_York"),
    }.AsReadOnly();

    /// <summary>The Center with <paramref name="code"/> (any case, surrounding spaces ignored), or null.</summary>
    public static Center? Find(string code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var trimmed = code.Trim();
        return All.FirstOrDefault(c => string.Equals(c.Code, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
