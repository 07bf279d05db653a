using System.Text.Json.Nodes;
using CbpCenters.Engine.Tasks;

namespace CbpCenters.Engine.Tests.Tasks;

public sealed class TaskFormTests
{
    private static List<TaskOutcome> OneField(string type, bool required = false, int? maxLength = null) =>
    [
        new TaskOutcome
        {
            Name = "Decide",
            Form = [new FormField { Field = "value", Label = "Value", Type = type, Required = required, MaxLength = maxLength, AllowedValues = ["Allow", "Deny"] }],
        },
    ];

    private static TaskOutcome Check(string type, string json, int? maxLength = null) =>
        TaskForm.Check(OneField(type, maxLength: maxLength), "Decide", new JsonObject { ["value"] = JsonNode.Parse(json) });

    [Theory]
    [InlineData("text", "\"Invoices received\"")]
    [InlineData("textarea", "\"line one\\nline two\"")]
    [InlineData("number", "12.5")]
    [InlineData("number", "\"-3\"")]
    [InlineData("money", "1234.56")]
    [InlineData("money", "\"0.10\"")]
    [InlineData("date", "\"2026-11-25\"")]
    [InlineData("boolean", "false")]
    [InlineData("boolean", "\"true\"")]
    [InlineData("email", "\"filer@example.com\"")]
    [InlineData("select", "\"Deny\"")]
    public void A_value_of_the_fields_type_is_accepted(string type, string json) =>
        Assert.Equal("Decide", Check(type, json).Name);

    [Theory]
    [InlineData("text", "12", "must be text")]
    [InlineData("number", "\"twelve\"", "must be a number")]
    [InlineData("number", "\"1,234\"", "must be a number")]
    [InlineData("money", "1.001", "fractions of a cent")]
    [InlineData("date", "\"11/25/2026\"", "yyyy-MM-dd")]
    [InlineData("date", "\"2026-02-30\"", "yyyy-MM-dd")]
    [InlineData("boolean", "\"yes\"", "true or false")]
    [InlineData("email", "\"not an address\"", "email address")]
    [InlineData("email", "\"Ana <ana@cbp.dhs.gov>\"", "email address")]
    [InlineData("select", "\"Maybe\"", "one of Allow, Deny")]
    public void A_value_of_another_type_is_refused_naming_the_field_and_the_rule(string type, string json, string rule)
    {
        var error = Assert.Throws<TaskValidationException>(() => Check(type, json));

        Assert.Equal("data.value", error.Field);
        Assert.StartsWith("Value ", error.Message);
        Assert.Contains(rule, error.Message);
    }

    [Fact]
    public void Text_longer_than_max_length_is_refused()
    {
        Check("text", "\"1234\"", maxLength: 4);

        var error = Assert.Throws<TaskValidationException>(() => Check("text", "\"12345\"", maxLength: 4));

        Assert.Contains("at most 4 characters", error.Message);
    }

    [Fact]
    public void A_missing_optional_field_is_fine_and_a_missing_required_one_is_not()
    {
        TaskForm.Check(OneField("text"), "Decide", null);

        var error = Assert.Throws<TaskValidationException>(() => TaskForm.Check(OneField("text", required: true), "Decide", new JsonObject { ["value"] = null }));

        Assert.Equal(("data.value", "Value is required to Decide."), (error.Field, error.Message));
    }

    [Fact]
    public void The_outcome_must_be_one_of_the_tasks()
    {
        var missing = Assert.Throws<TaskValidationException>(() => TaskForm.Check(OneField("text"), null, null));
        var unknown = Assert.Throws<TaskValidationException>(() => TaskForm.Check(OneField("text"), "Approve", null));

        Assert.Equal(("outcome", "outcome"), (missing.Field, unknown.Field));
        Assert.Contains("choose one of Decide", unknown.Message);
    }
}
