using CbpCenters.Persistence.Cases;

namespace CbpCenters.Server.Seed;

/// <summary>Demo importer accounts: trusted partners of the two original Centers, one without a Center yet, one not trusted.</summary>
public static class DemoImporters
{
    public static IEnumerable<ImporterRecord> All() =>
    [
        new() { ImporterNumber = "12-3456789AA", Name = "Pacific Circuits Corp.", CTpat = true, Isa = true, CenterCode = "ELE",
            FilerEmails = ["broker@bayside.example"], NationalAccountManager = "ele.nam" },
        new() { ImporterNumber = "12-3456789AB", Name = "Hudson Pharma Inc.", CTpat = true, CenterCode = "PHC",
            FilerEmails = ["trade@hudsonpharma.example"], NationalAccountManager = "phc.nam" },
        new() { ImporterNumber = "98-7654321CD", Name = "Empire Chemicals LLC", Isa = true, CenterCode = "PHC",
            FilerEmails = ["compliance@empirechem.example"], NationalAccountManager = "phc.nam" },
        new() { ImporterNumber = "45-6789012EF", Name = "Harbor Displays Inc.", CTpat = true,
            FilerEmails = ["imports@harbordisplays.example"] },
        new() { ImporterNumber = "123-45-6789", Name = "Main Street Imports", FilerEmails = ["owner@mainstreet.example"] },
    ];
}
