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
        Assert.Equal(before, await CasesAsync(client));
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
