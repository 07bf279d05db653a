using CbpCenters.Domain.Cases;

namespace CbpCenters.Domain.Tests.Cases;

public sealed class FilingTests
{
    [Theory]
    [InlineData("no-at-sign")]
    [InlineData("a@")]
    [InlineData("@b")]
    [InlineData("Broker <broker@bayside.example>")]
    public void A_filer_email_must_be_a_bare_address(string email)
    {
        var refused = Assert.Throws<CaseFieldException>(() => Filing.Email(email, "filerEmail"));
        Assert.Equal("filerEmail", refused.Field);
        Assert.Equal("broker@bayside.example", Filing.Email(" broker@bayside.example ", "filerEmail"));
    }

    [Fact]
    public void Free_text_is_bounded_and_the_refusal_names_the_field_and_the_bound()
    {
        Assert.Equal(4000, Filing.Required(new string('x', 4000), "explanation").Length);
        var refused = Assert.Throws<CaseFieldException>(() => Filing.Optional(new string('x', 4001), "categories[0].justification"));
        Assert.Equal("categories[0].justification", refused.Field);
        Assert.Contains("at most 4000 characters", refused.Message);
        Assert.Throws<CaseFieldException>(() => Filing.Required(new string('n', 201), "importerName", Filing.NameLength));
    }

    [Fact]
    public void A_name_may_be_left_out_but_not_sent_empty()
    {
        Assert.Null(Filing.IfGiven(null, "importerName"));
        Assert.Equal("importerName", Assert.Throws<CaseFieldException>(() => Filing.IfGiven("   ", "importerName")).Field);
        Assert.Null(Filing.Optional("   ", "agent"));
    }

    [Theory]
    [InlineData("01", true)]
    [InlineData("23", true)]
    [InlineData("ZZ", false)]
    [InlineData("1", false)]
    [InlineData("61", false)]
    public void An_entry_type_is_one_of_the_Form_7501_codes(string code, bool known)
    {
        if (known) Assert.Equal(code, Filing.EntryType(code, "entryType"));
        else Assert.Equal("entryType", Assert.Throws<CaseFieldException>(() => Filing.EntryType(code, "entryType")).Field);
    }
}
