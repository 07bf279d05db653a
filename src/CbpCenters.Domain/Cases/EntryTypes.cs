namespace CbpCenters.Domain.Cases;

/// <summary>
/// The entry types an entry summary (CBP Form 7501, block 2) may carry: consumption 01–09, informal 11–12,
/// warehouse and temporary importation 21–26, warehouse withdrawals 31–38, government 51–52 (CBP Form 7501
/// instructions). In-bond (61–70) and drawback (41–47) types are filed on other forms.
/// </summary>
public static class EntryTypes
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>
    {
        "01", "02", "03", "04", "05", "06", "07", "08", "09", "11", "12",
        "21", "22", "23", "24", "25", "26", "31", "32", "34", "38", "51", "52",
    };
}
