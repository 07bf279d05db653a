namespace CbpCenters.Domain.Centers;

/// <summary>
/// A Center of Excellence and Expertise: an industry-aligned office that does post-summary work
/// (validation, protests, PSC reviews, prior disclosures) nationally for the importer accounts assigned to it.
/// </summary>
/// <param name="Code">Short stable code used in data and workflow definitions, such as ELE.</param>
/// <param name="Name">The Center's name, such as Electronics.</param>
/// <param name="ManagementOffice">The city of the Center Director's office.</param>
/// <param name="TimeZoneId">IANA time zone of the management office; the Center's business days and
/// local deadlines are reckoned in it.</param>
public sealed record Center(string Code, string Name, string ManagementOffice, string TimeZoneId);
