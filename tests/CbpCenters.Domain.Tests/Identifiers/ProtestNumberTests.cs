using CbpCenters.Domain.Identifiers;

namespace CbpCenters.Domain.Tests.Identifiers;

public sealed class ProtestNumberTests
{
    [Theory]
    [InlineData("2704-24-100123")]
    [InlineData("270424100123")]
    [InlineData(" 2704-24-100123 ")]
    public void A_protest_number_exposes_port_year_and_serial(string text)
    {
        var protest = ProtestNumber.Parse(text);

        Assert.Equal("2704-24-100123", protest.Value);
        Assert.Equal(PortCode.Parse("2704"), protest.PortCode);
        Assert.Equal(24, protest.Year);
        Assert.Equal("100123", protest.Serial);
    }

    [Theory]
    [InlineData("", "protest number is required")]
    [InlineData("2704-2024-100123", "protest number '2704-2024-100123' must have the form PPPP-YY-NNNNNN: a 4-digit port code, a two-digit year and a 6-digit serial")]
    [InlineData("27A4-24-100123", "protest number port code must be 4 digits, not '27A4'")]
    [InlineData("2704-2X-100123", "protest number year must be 2 digits, not '2X'")]
    [InlineData("2704-24-10012X", "protest number serial must be 6 digits, not '10012X'")]
    public void Invalid_protest_numbers_name_the_rule_they_break(string text, string expectedError)
    {
        Assert.False(ProtestNumber.TryParse(text, out _, out var error));
        Assert.Equal(expectedError, error);
        Assert.Equal(expectedError, Assert.Throws<FormatException>(() => ProtestNumber.Parse(text)).Message);
    }
}
