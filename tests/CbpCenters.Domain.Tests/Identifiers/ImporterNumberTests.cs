using CbpCenters.Domain.Identifiers;

namespace CbpCenters.Domain.Tests.Identifiers;

public sealed class ImporterNumberTests
{
    [Theory]
    [InlineData("12-3456789AB", "12-3456789AB", ImporterNumberKind.Irs)]
    [InlineData("12-345678900", "12-345678900", ImporterNumberKind.Irs)]
    [InlineData("12-3456789ab", "12-3456789AB", ImporterNumberKind.Irs)]
    [InlineData("123-45-6789", "123-45-6789", ImporterNumberKind.Ssn)]
    [InlineData("242704-00001", "242704-00001", ImporterNumberKind.CbpAssigned)]
    public void The_three_forms_parse_and_say_which_they_are(string text, string canonical, ImporterNumberKind kind)
    {
        Assert.True(ImporterNumber.TryParse(text, out var importer, out var error));
        Assert.Null(error);
        Assert.Equal(canonical, importer.Value);
        Assert.Equal(kind, importer.Kind);
    }

    [Theory]
    [InlineData("12-3456789AO", "importer number suffix may not contain the letters O, I or Z")]
    [InlineData("12-3456789IA", "importer number suffix may not contain the letters O, I or Z")]
    [InlineData("12-3456789Z1", "importer number suffix may not contain the letters O, I or Z")]
    [InlineData("12-3456789A-", "importer number suffix must be 2 letters or digits, not 'A-'")]
    [InlineData("1A-3456789AB", "importer number IRS number must be 9 digits in the form NN-NNNNNNN, not '1A-3456789'")]
    [InlineData("123-4X-6789", "importer number Social Security number must be digits in the form NNN-NN-NNNN, not '123-4X-6789'")]
    [InlineData("24270X-00001", "importer number CBP-assigned number must be digits in the form YYDDPP-NNNNN, not '24270X-00001'")]
    [InlineData("123456789AB", "importer number '123456789AB' must have the form NN-NNNNNNNXX (IRS number and suffix), NNN-NN-NNNN (Social Security number) or YYDDPP-NNNNN (CBP-assigned number)")]
    [InlineData("", "importer number is required")]
    public void Invalid_importer_numbers_name_the_rule_they_break(string text, string expectedError)
    {
        Assert.False(ImporterNumber.TryParse(text, out _, out var error));
        Assert.Equal(expectedError, error);
        Assert.Equal(expectedError, Assert.Throws<FormatException>(() => ImporterNumber.Parse(text)).Message);
    }
}
