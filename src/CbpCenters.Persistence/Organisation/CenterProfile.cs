namespace CbpCenters.Persistence.Organisation;

/// <summary>A Center of Excellence and Expertise as the service runs it: who directs it and which DFO it reports to.</summary>
public sealed class CenterProfile
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string ManagementOffice { get; set; } = "";
    public string TimeZoneId { get; set; } = "";
    public string? DirectorUserName { get; set; }
    /// <summary>The Director, Field Operations the Center Director reports to.</summary>
    public string? DfoUserName { get; set; }
}
