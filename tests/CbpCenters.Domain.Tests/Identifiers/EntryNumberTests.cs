using CbpCenters.Domain.Identifiers;

namespace CbpCenters.Domain.Tests.Identifiers;

public sealed class EntryNumberTests
{
    [Theory]
    [InlineData("ABC-1234567-6", "ABC-1234567-6")]
    [InlineData("999-9999999-0", "999-9999999-0")]
    [InlineData("abc12345676", "ABC-1234567-6")]
    [InlineData("  abc-1234567-6 ", "ABC-1234567-6")]
    [InlineData("JSZ-0000000-6", "JSZ-0000000-6")]  // J→1, S→2, Z→9: 1 + 2·2 + 9 = 14, check 6
    [InlineData("RAI-1111111-9", "RAI-1111111-9")]  // R→9, A→1, I→9: 9 + 2 + 9 + 11 = 31, check 9
    public void Valid_entry_numbers_parse_to_the_dashed_upper_case_form(string text, string canonical)
    {
        Assert.True(EntryNumber.TryParse(text, out var entry, out var error));
        Assert.Null(error);
        Assert.Equal(canonical, entry.Value);
        Assert.Equal(canonical, entry.ToString());
    }

    [Fact]
    public void The_parts_of_an_entry_number_are_exposed()
    {
        var entry = EntryNumber.Parse("ABC-1234567-6");

        Assert.Equal("ABC", entry.FilerCode);
        Assert.Equal("1234567", entry.Serial);
        Assert.Equal('6', entry.CheckDigit);
    }

    [Fact]
    public void Two_spellings_of_one_entry_are_equal()
    {
        Assert.Equal(EntryNumber.Parse("ABC-1234567-6"), EntryNumber.Parse("abc12345676"));
    }

    [Theory]
    [InlineData("ABC-1234567-5", "entry number check digit is 6, not 5")]
    [InlineData("999-9999999-1", "entry number check digit is 0, not 1")]
    [InlineData("", "entry number is required")]
    [InlineData(null, "entry number is required")]
    [InlineData("ABC-123456-6", "entry number 'ABC-123456-6' must have the form XXX-NNNNNNN-C: a 3-character filer code, a 7-digit serial and a check digit")]
    [InlineData("ABC-12-4567-6", "entry number 'ABC-12-4567-6' must have the form XXX-NNNNNNN-C: a 3-character filer code, a 7-digit serial and a check digit")]
    [InlineData("AB$-1234567-6", "entry number filer code must be 3 letters or digits, not 'AB$'")]
    [InlineData("ABC-12345X7-6", "entry number serial must be 7 digits, not '12345X7'")]
    [InlineData("ABC-1234567-X", "entry number check digit must be a digit, not 'X'")]
    public void Invalid_entry_numbers_name_the_rule_they_break(string? text, string expectedError)
    {
        Assert.False(EntryNumber.TryParse(text, out var entry, out var error));
        Assert.Equal(expectedError, error);
        Assert.Equal(default, entry);
    }

    [Fact]
    public void Parse_throws_a_FormatException_carrying_the_rule()
    {
        var error = Assert.Throws<FormatException>(() => EntryNumber.Parse("ABC-1234567-5"));

        Assert.Equal("entry number check digit is 6, not 5", error.Message);
    }

    [Theory]
    [InlineData("ABC1234567", '6')]
    [InlineData("abc1234567", '6')]
    [InlineData("9999999999", '0')]
    [InlineData("0000000000", '0')]
    public void ComputeCheckDigit_applies_the_letter_map_and_Luhn(string filerCodeAndSerial, char expected)
    {
        Assert.Equal(expected, EntryNumber.ComputeCheckDigit(filerCodeAndSerial));
    }

    [Fact]
    public void ComputeCheckDigit_refuses_text_that_is_not_ten_letters_or_digits()
    {
        Assert.Throws<ArgumentException>(() => EntryNumber.ComputeCheckDigit("ABC-1234567"));
    }

    [Fact]
    public void The_default_value_is_empty_rather_than_a_number()
    {
        Assert.Equal(string.Empty, default(EntryNumber).Value);
        Assert.Equal(string.Empty, default(EntryNumber).FilerCode);
    }
}
