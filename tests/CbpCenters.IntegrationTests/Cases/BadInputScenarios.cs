using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CbpCenters.IntegrationTests.Infrastructure;
using CbpCenters.IntegrationTests.Tasks;
using static CbpCenters.IntegrationTests.Infrastructure.Flowcharts;

namespace CbpCenters.IntegrationTests.Cases;

/// <summary>
/// Input a careless or hostile caller sends: each is refused with a 400 (or 401) naming the field and the rule,
/// and changes nothing. Found by probing the running service with malformed requests.
/// </summary>
public abstract partial class BadInputScenarios(ServiceFixture service)
{
    private static JsonObject Protest(string number) => JsonNode.Parse($$"""
        { "protestNumber": "{{number}}", "filedOn": "2026-03-02", "importerNumber": "12-3456789AA", "protestant": "Pacific Circuits Corp.",
          "entries": [ { "entryNumber": "ABC-1234567-6", "entryDate": "2025-01-10", "liquidationDate": "2026-01-09" } ],
          "categories": [ { "decisionProtested": "Classification", "claim": "8471.80.1000" } ],
          "acceleratedDisposition": false, "furtherReview": false }
        """)!.AsObject();

    private async Task<int> CasesAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/cases")).ReadObjectAsync())["total"]!.GetValue<int>();

    [Fact]
    public async Task A_filing_with_an_impossible_date_or_an_empty_list_item_is_refused_naming_it()
    {
        var client = await service.ClientAsync("integration");
        var before = await CasesAsync(client);

        var farFuture = Protest("2704-26-700001");
        farFuture["entries"]![0]!["liquidationDate"] = "9999-12-31";
        var date = await client.PostAsJsonAsync("/api/v1/protests", farFuture).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["entries[0].liquidationDate"], await date.ErrorFieldsAsync());
        Assert.Contains("1900-01-01 to 2199-12-31", await date.DetailTextAsync());

        var emptyEntry = Protest("2704-26-700002");
        emptyEntry["entries"] = new JsonArray(null, JsonNode.Parse("""{ "entryNumber": "ABC-1234567-6" }"""));
        Assert.Equal(["entries[0]"], await (await client.PostAsJsonAsync("/api/v1/protests", emptyEntry).ExpectAsync(HttpStatusCode.BadRequest)).ErrorFieldsAsync());

        var inquiry = await client.PostAsJsonAsync("/api/v1/inquiries", new
        {
            contactName = "A. Filer", contactEmail = "filer@example.com", importerNumber = "<script>", question = "Which Center classifies chips?",
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["importerNumber"], await inquiry.ErrorFieldsAsync());

        Assert.Equal(before, await CasesAsync(client));
    }

    /// <summary>A valid filing of each kind that names its filer's address, by where it is filed.</summary>
    private Dictionary<string, JsonObject> Filings()
    {
        var today = DateOnly.FromDateTime(service.Clock.GetUtcNow().UtcDateTime);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd");
        var protest = Protest("2704-26-700004");
        protest["filerEmail"] = "broker@bayside.example";
        return new()
        {
            ["/api/v1/protests"] = protest,
            ["/api/v1/entry-summaries"] = JsonNode.Parse($$"""
                { "entryNumber": "ABC-1234567-6", "entryDate": "{{Day(-5)}}", "entryType": "01", "portCode": "2704", "importerNumber": "12-3456789AA",
                  "filerEmail": "broker@bayside.example", "lines": [ { "htsNumber": "8542.31.0000", "value": 920000 } ] }
                """)!.AsObject(),
            ["/api/v1/post-summary-corrections"] = JsonNode.Parse($$"""
                { "entryNumber": "999-9999999-0", "entryDate": "{{Day(-90)}}", "entryType": "01", "filedOn": "{{Day(0)}}", "importerNumber": "12-3456789AB",
                  "filerEmail": "trade@hudsonpharma.example", "reasonCodes": [ "CL" ], "explanation": "Corrected classification of line 1." }
                """)!.AsObject(),
            ["/api/v1/prior-disclosures"] = JsonNode.Parse($$"""
                { "filedOn": "{{Day(0)}}", "importerNumber": "12-3456789AB", "filerEmail": "trade@hudsonpharma.example", "oral": false,
                  "merchandiseClass": "Active pharmaceutical ingredients", "entryNumbers": [ "999-9999999-0" ],
                  "falseStatements": "Origin declared as Ireland", "trueInformation": "Origin is India" }
                """)!.AsObject(),
        };
    }

    private static async Task<(List<string> Fields, string Detail)> RefusedAsync(HttpClient client, string path, JsonNode body)
    {
        var problem = await client.PostAsJsonAsync(path, body).ExpectAsync(HttpStatusCode.BadRequest);
        return (await problem.ErrorFieldsAsync(), await problem.DetailTextAsync());
    }

    [Fact]
    public async Task A_filer_email_that_is_not_an_address_is_refused_on_every_kind_of_filing()
    {
        var client = await service.ClientAsync("integration");
        var before = await CasesAsync(client);

        foreach (var (path, body) in Filings())
            foreach (var email in new[] { "no-at-sign", "bad", "a@", "@b", "Broker <broker@bayside.example>" })
            {
                body["filerEmail"] = email;
                var (fields, detail) = await RefusedAsync(client, path, body);
                Assert.Equal(["filerEmail"], fields);
                Assert.Equal($"'{email}' is not an email address.", detail);
            }

        Assert.Equal(before, await CasesAsync(client));
    }

    [Fact]
    public async Task Free_text_past_its_bound_is_refused_naming_the_field()
    {
        var client = await service.ClientAsync("integration");
        var filings = Filings();
        var opened = await (await client.PostAsJsonAsync("/api/v1/protests", Protest("2704-26-700005")).ExpectAsync(HttpStatusCode.Created)).ReadObjectAsync();
        var before = await CasesAsync(client);
        var text = new string('x', 4001);

        var protest = filings["/api/v1/protests"];
        protest["categories"]![0]!["justification"] = text;
        var (fields, detail) = await RefusedAsync(client, "/api/v1/protests", protest);
        Assert.Equal(["categories[0].justification"], fields);
        Assert.Contains("at most 4000 characters", detail);

        var entrySummary = filings["/api/v1/entry-summaries"];
        entrySummary["importerName"] = new string('n', 201);
        Assert.Equal(["importerName"], (await RefusedAsync(client, "/api/v1/entry-summaries", entrySummary)).Fields);
        var psc = filings["/api/v1/post-summary-corrections"];
        psc["explanation"] = text;
        Assert.Equal(["explanation"], (await RefusedAsync(client, "/api/v1/post-summary-corrections", psc)).Fields);
        var disclosure = filings["/api/v1/prior-disclosures"];
        disclosure["merchandiseClass"] = text;
        Assert.Equal(["merchandiseClass"], (await RefusedAsync(client, "/api/v1/prior-disclosures", disclosure)).Fields);
        var inquiry = new JsonObject { ["contactName"] = "A. Filer", ["contactEmail"] = "filer@example.com", ["subject"] = "Chips", ["question"] = text };
        Assert.Equal(["question"], (await RefusedAsync(client, "/api/v1/inquiries", inquiry)).Fields);

        var responses = $"/api/v1/cases/{opened["caseId"]}/filer-responses";
        Assert.Equal(["text"], (await RefusedAsync(client, responses, new JsonObject { ["text"] = text })).Fields);
        Assert.Equal(["from"], (await RefusedAsync(client, responses, new JsonObject { ["text"] = "Invoice attached.", ["from"] = "not an email" })).Fields);

        Assert.Equal(before, await CasesAsync(client));
        var detailAfter = await (await client.GetAsync($"/api/v1/cases/{opened["caseId"]}")).ReadObjectAsync();
        Assert.Empty(detailAfter["filerResponses"]!.AsArray());
    }

    [Fact]
    public async Task A_filing_missing_a_value_or_giving_an_unknown_code_is_refused_naming_it()
    {
        var client = await service.ClientAsync("integration");
        var before = await CasesAsync(client);
        async Task<List<string>> Refused(string path, Action<JsonObject> change)
        {
            var body = Filings()[path];
            change(body);
            return (await RefusedAsync(client, path, body)).Fields;
        }

        Assert.Equal(["lines[0].value"], await Refused("/api/v1/entry-summaries", b => b["lines"] = JsonNode.Parse("""[ { "htsNumber": "8471.80.1000" } ]""")));
        Assert.Equal(["importerName"], await Refused("/api/v1/entry-summaries", b => b["importerName"] = ""));
        Assert.Equal(["importerName"], await Refused("/api/v1/protests", b => b["importerName"] = "   "));
        Assert.Equal(["entryType"], await Refused("/api/v1/entry-summaries", b => b["entryType"] = "ZZ"));
        Assert.Equal(["entryType"], await Refused("/api/v1/post-summary-corrections", b => b["entryType"] = "ZZ"));
        Assert.Equal(["reasonCodes[1]"], await Refused("/api/v1/post-summary-corrections", b => b["reasonCodes"] = new JsonArray("CL", "not a code")));
        Assert.Equal(["oral"], await Refused("/api/v1/prior-disclosures", b => b.Remove("oral")));

        // An inquiry's single HTS number is named as the caller wrote it, whether it is malformed or in no Center's chapters.
        var inquiry = new JsonObject { ["contactName"] = "A. Filer", ["contactEmail"] = "filer@example.com", ["subject"] = "Chips", ["question"] = "Which Center?" };
        inquiry["htsNumber"] = "1";
        Assert.Equal(["htsNumber"], (await RefusedAsync(client, "/api/v1/inquiries", inquiry)).Fields);
        inquiry["htsNumber"] = "9801.00.1000";
        Assert.Equal(["htsNumber"], (await RefusedAsync(client, "/api/v1/inquiries", inquiry)).Fields);

        Assert.Equal(before, await CasesAsync(client));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_or_is_missing_is_refused_naming_the_header_or_the_body()
    {
        var client = await service.ClientAsync("integration");
        var before = await CasesAsync(client);

        using var text = new StringContent(Protest("2704-26-700003").ToJsonString(), Encoding.UTF8, "text/plain");
        var notJson = await client.PostAsync("/api/v1/protests", text).ExpectAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(["Content-Type"], await notJson.ErrorFieldsAsync());
        Assert.Contains("application/json", await notJson.DetailTextAsync());
        await client.PostAsync("/api/v1/protests", null).ExpectAsync(HttpStatusCode.UnsupportedMediaType);

        using var empty = new StringContent("", Encoding.UTF8, "application/json");
        var noBody = await client.PostAsync("/api/v1/protests", empty).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["body"], await noBody.ErrorFieldsAsync());

        // An address that does not exist is still not found, whatever its body.
        using var elsewhere = new StringContent("x", Encoding.UTF8, "text/plain");
        await client.PostAsync("/api/v1/no-such-filing", elsewhere).ExpectAsync(HttpStatusCode.NotFound);
        var notAnId = await client.GetAsync("/api/v1/cases/not-a-guid").ExpectAsync(HttpStatusCode.NotFound);
        Assert.Contains("/openapi/v1.json", await notAnId.DetailTextAsync());
        Assert.Equal(before, await CasesAsync(client));
    }

    [Fact]
    public async Task A_repeated_field_a_NUL_character_and_an_impossible_filter_are_refused_naming_them()
    {
        var client = await service.ClientAsync("integration");
        var admin = await service.ClientAsync("admin");
        var before = await CasesAsync(client);

        using var twice = new StringContent("""{ "directorUserName": "ele.director", "directorUserName": "phc.director", "dfoUserName": "dfo.losangeles" }""",
            Encoding.UTF8, "application/json");
        Assert.Equal(["directorUserName"], await (await admin.PutAsync("/api/v1/centers/ELE", twice).ExpectAsync(HttpStatusCode.BadRequest)).ErrorFieldsAsync());
        using var list = new StringContent("[1]", Encoding.UTF8, "application/json");
        Assert.Contains("JSON object", await (await admin.PutAsync("/api/v1/centers/ELE", list).ExpectAsync(HttpStatusCode.BadRequest)).DetailTextAsync());

        // PostgreSQL cannot store NUL in text: refused up front on every database, never a failed save.
        var nul = Protest("2704-26-700041");
        nul["protestant"] = "Pacific\u0000Circuits";
        Assert.Equal(["protestant"], await (await client.PostAsJsonAsync("/api/v1/protests", nul).ExpectAsync(HttpStatusCode.BadRequest)).ErrorFieldsAsync());
        var escapedBackslash = Protest("2704-26-700042");
        escapedBackslash["protestant"] = "Pacific \\u0000 Circuits";
        await client.PostAsJsonAsync("/api/v1/protests", escapedBackslash).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(before + 1, await CasesAsync(client));

        Assert.Equal(["dueTo"], await (await admin.GetAsync("/api/v1/tasks?view=center&dueFrom=2030-01-01T00:00:00Z&dueTo=2020-01-01T00:00:00Z")
            .ExpectAsync(HttpStatusCode.BadRequest)).ErrorFieldsAsync());
        Assert.Equal(["center"], await (await admin.GetAsync("/api/v1/staff?center=XYZ").ExpectAsync(HttpStatusCode.BadRequest)).ErrorFieldsAsync());
        Assert.Equal(["reference"], await (await admin.GetAsync("/api/v1/cases?reference=a%00b").ExpectAsync(HttpStatusCode.BadRequest)).ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_broken_signal_payload_an_unknown_Center_and_a_page_past_any_list_are_refused()
    {
        var admin = await service.ClientAsync("admin");
        var id = Unique("badsignal");
        await admin.PublishAsync(Flow(id,
            """{ "id": "start", "type": "Start" }, { "id": "wait", "type": "WaitForSignal", "signal": "go" }, { "id": "end", "type": "End" }""",
            $"{Wire("start", "Done", "wait")}, {Wire("wait", "Received", "end")}"));
        var instance = await admin.StartAsync(id, "PHC");

        using var broken = new StringContent("""{"text":""", Encoding.UTF8, "application/json");
        var payload = await admin.PostAsync($"/api/v1/workflow-instances/{instance.Id()}/signals/go", broken).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["payload"], await payload.ErrorFieldsAsync());
        using var text = new StringContent("""{"text":"hello"}""", Encoding.UTF8, "text/plain");
        await admin.PostAsync($"/api/v1/workflow-instances/{instance.Id()}/signals/go", text).ExpectAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Suspended", (await admin.InstanceAsync(instance.Id())).Status());

        var center = await admin.PostAsJsonAsync("/api/v1/workflow-instances", new { definitionId = id, centerCode = "XYZ" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["centerCode"], await center.ErrorFieldsAsync());

        var page = await admin.GetAsync("/api/v1/cases?page=2147483647&pageSize=50").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["page"], await page.ErrorFieldsAsync());
        var status = await admin.GetAsync("/api/v1/workflow-instances?status=999").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["status"], await status.ErrorFieldsAsync());
        Assert.Contains("Suspended", await status.DetailTextAsync());
        await admin.GetAsync("/api/v1/outbox?status=999").ExpectAsync(HttpStatusCode.BadRequest);

        // A Center process works on its case: started by hand without one it would only fault.
        var bare = await admin.PostAsJsonAsync("/api/v1/workflow-instances", new { definitionId = "protest-review", centerCode = "PHC" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["definitionId"], await bare.ErrorFieldsAsync());
        Assert.Contains("intake", await bare.DetailTextAsync());
    }

    [Fact]
    public async Task A_Center_code_in_lower_case_is_kept_as_the_Center_writes_it_so_its_staff_see_the_instance()
    {
        var admin = await service.ClientAsync("admin");

        var started = await admin.StartAsync("sample-filer-response", "ele");

        Assert.Equal("ELE", started.Text("centerCode"));
        await (await service.ClientAsync("ele.supervisor")).GetAsync($"/api/v1/workflow-instances/{started.Id()}").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_instance_is_cancelled_without_a_body_since_the_reason_is_optional()
    {
        var admin = await service.ClientAsync("admin");
        var instance = await admin.StartAsync("sample-filer-response", "PHC");

        var cancelled = await (await admin.PostAsync($"/api/v1/workflow-instances/{instance.Id()}/cancel", null).ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();

        Assert.Equal("Cancelled", cancelled.Status());
        Assert.Equal("Cancelled", (await admin.InstanceAsync(instance.Id())).Status());
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in_and_an_administrator_cannot_deactivate_themselves()
    {
        var admin = await service.ClientAsync("admin");
        var leaver = (await admin.HireAsync("PNM", "ImportSpecialist", 1))[0];
        await admin.PutAsJsonAsync($"/api/v1/staff/{leaver}", new { active = false }).ExpectAsync(HttpStatusCode.OK);

        await service.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName = leaver, password = ServiceFixture.Password })
            .ExpectAsync(HttpStatusCode.Unauthorized);

        var self = await admin.PutAsJsonAsync("/api/v1/staff/admin", new { active = false }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["active"], await self.ErrorFieldsAsync());
        var roles = await admin.PutAsJsonAsync("/api/v1/staff/admin", new { roles = new[] { "Staff" } }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["roles"], await roles.ErrorFieldsAsync());
        await admin.GetAsync("/api/v1/staff").ExpectAsync(HttpStatusCode.OK);
    }
}

public sealed class BadInputScenarios_Sqlite(SqliteService service) : BadInputScenarios(service), IClassFixture<SqliteService>;

public sealed class BadInputScenarios_PostgreSql(PostgreSqlService service) : BadInputScenarios(service), IClassFixture<PostgreSqlService>;
