using CbpCenters.Domain.Identifiers;

namespace CbpCenters.Domain.Tests.Identifiers;

public sealed class PortCodeTests
{
    [Theory]
    [InlineData("1001", "10", "01")]  // New York
    [InlineData("2704", "27", "04")]  // Los Angeles
    [InlineData(" 5501 ", "55", "01")] // Dallas/Fort Worth
    public void A_port_code_is_district_then_port(string text, string district, string port)
    {
        var code = PortCode.Parse(text);

        Assert.Equal(text.Trim(), code.Value);
        Assert.Equal(district, code.District);
        Assert.Equal(port, code.Port);
    }

    [Theory]
    [InlineData("", "port code is required")]
    [InlineData("270", "port code '270' must be 4 digits (2-digit district, 2-digit port), as in 2704")]
    [InlineData("27O4", "port code '27O4' must be 4 digits (2-digit district, 2-digit port), as in 2704")]
    [InlineData("27041", "port code '27041' must be 4 digits (2-digit district, 2-digit port), as in 2704")]
    public void Invalid_port_codes_name_the_rule_they_break(string text, string expectedError)
    {
        Assert.False(PortCode.TryParse(text, out _, out var error));
        Assert.Equal(expectedError, error);
        Assert.Equal(expectedError, Assert.Throws<FormatException>(() => PortCode.Parse(text)).Message);
    }
}
