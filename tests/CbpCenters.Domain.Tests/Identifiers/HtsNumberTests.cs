using CbpCenters.Domain.Identifiers;

namespace CbpCenters.Domain.Tests.Identifiers;

public sealed class HtsNumberTests
{
    [Theory]
    [InlineData("8471300100")]
    [InlineData("8471.30.0100")]
    [InlineData("8471.30.01.00")]
    public void The_usual_spellings_parse_to_the_same_ten_digits(string text)
    {
        var hts = HtsNumber.Parse(text);

        Assert.Equal("8471300100", hts.Value);
        Assert.Equal(84, hts.Chapter);
        Assert.Equal("8471", hts.Heading);
        Assert.Equal("84713001", hts.TariffLine);
        Assert.Equal("00", hts.StatisticalSuffix);
        Assert.Equal("8471.30.0100", hts.Dotted);
    }

    [Fact]
    public void A_chapter_below_ten_keeps_its_leading_zero_in_the_text()
    {
        var hts = HtsNumber.Parse("0101.21.0010");

        Assert.Equal(1, hts.Chapter);
        Assert.Equal("0101", hts.Heading);
        Assert.Equal("10", hts.StatisticalSuffix);
    }

    [Theory]
    [InlineData("84713001", "HTS number '84713001' must be 10 digits, written as 8471300100, 8471.30.0100 or 8471.30.01.00")]
    [InlineData("8471.30.010", "HTS number '8471.30.010' must be 10 digits, written as 8471300100, 8471.30.0100 or 8471.30.01.00")]
    [InlineData("8471-30-0100", "HTS number '8471-30-0100' must be 10 digits, written as 8471300100, 8471.30.0100 or 8471.30.01.00")]
    [InlineData("84713O0100", "HTS number '84713O0100' must be 10 digits, written as 8471300100, 8471.30.0100 or 8471.30.01.00")]
    [InlineData("0001.00.0000", "HTS number chapter 00 does not exist: chapters run from 01 to 99")]
    [InlineData(" ", "HTS number is required")]
    public void Invalid_HTS_numbers_name_the_rule_they_break(string text, string expectedError)
    {
        Assert.False(HtsNumber.TryParse(text, out _, out var error));
        Assert.Equal(expectedError, error);
        Assert.Equal(expectedError, Assert.Throws<FormatException>(() => HtsNumber.Parse(text)).Message);
    }
}
