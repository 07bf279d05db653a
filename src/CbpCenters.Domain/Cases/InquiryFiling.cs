using System.Text.Json.Nodes;

namespace CbpCenters.Domain.Cases;

/// <summary>A question from the trade community to a Center about its industry.</summary>
public sealed record InquiryFiling(
    string? ContactName, string? ContactEmail, string? ImporterNumber, string? CenterCode, string? HtsNumber, string? Subject, string? Question)
{
    public CaseOpening Open(DateOnly today, string reference)
    {
        var data = new JsonObject
        {
            ["reference"] = reference,
            ["subject"] = Filing.Required(Subject, "subject", Filing.NameLength),
            ["question"] = Filing.Required(Question, "question"),
            ["contactName"] = Filing.Required(ContactName, "contactName", Filing.NameLength),
            ["htsNumber"] = HtsNumber?.Trim(),
            ["receivedOn"] = Filing.Date(today),
        };
        Filing.Email(ContactEmail, "contactEmail");
        var lines = HtsNumber is { Length: > 0 } hts ? [new GoodsLineData(Filing.Hts(hts, "htsNumber").Value, 0)] : new List<GoodsLineData>();
        return new CaseOpening(CaseKinds.Inquiry, reference, data, [], lines);
    }
}
