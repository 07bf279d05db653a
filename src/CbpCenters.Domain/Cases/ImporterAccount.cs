namespace CbpCenters.Domain.Cases;

/// <summary>
/// An importer of record as the Centers know it: its trusted-partner programmes, the Center its account is
/// assigned to (by its predominant goods), who files for it, and its National Account Manager.
/// </summary>
public sealed record ImporterAccount(
    string ImporterNumber,
    string Name,
    bool CTpat,
    bool Isa,
    string? CenterCode,
    IReadOnlyList<string> FilerEmails,
    string? NationalAccountManager)
{
    /// <summary>C-TPAT and ISA members are trusted partners: their entry summaries go to their Center.</summary>
    public bool IsTrustedPartner => CTpat || Isa;

    public IReadOnlyList<string> Programmes => [.. new[] { CTpat ? "C-TPAT" : null, Isa ? "ISA" : null }.OfType<string>()];
}
