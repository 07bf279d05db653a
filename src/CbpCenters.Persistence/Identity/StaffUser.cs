using Microsoft.AspNetCore.Identity;

namespace CbpCenters.Persistence.Identity;

/// <summary>A person who signs in: Center staff (core or matrix), a director, a DFO, an administrator or an integration.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The Center the person works for; null for DFOs, administrators and integrations.</summary>
    public string? CenterCode { get; set; }
    /// <summary>Position names (ImportSpecialist, Paralegal, ...), as in the Domain's StaffPosition.</summary>
    public List<string> Positions { get; set; } = [];
    /// <summary>"Core" or "Matrix".</summary>
    public string Pool { get; set; } = "Core";
    /// <summary>For matrix staff: the port they come from (DDPP).</summary>
    public string? Port { get; set; }
    public bool OutOfOffice { get; set; }
    public string? Substitute { get; set; }
    public bool Active { get; set; } = true;
}
