using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CbpCenters.IntegrationTests.Infrastructure;

namespace CbpCenters.IntegrationTests.Cases;

/// <summary>Intake over HTTP: identifiers are checked, work is routed to the right Center, retries create nothing.</summary>
public abstract class IntakeScenarios(ServiceFixture service)
{
    private static object Protest(string protestNumber = "2704-26-100123", string entryNumber = "ABC-1234567-6", string importerNumber = "12-3456789AA",
        string filedOn = "2026-03-02") => new
    {
        protestNumber, filedOn, importerNumber, protestant = "Pacific Circuits Corp.", filerEmail = "broker@bayside.example",
        entries = new[] { new { entryNumber, entryDate = "2025-01-10", liquidationDate = "2026-01-09" } },
        merchandiseDescription = "Printed circuit assemblies",
        categories = new[] { new { decisionProtested = "Classification", claim = "8471.80.1000", justification = "Complete units" } },
        acceleratedDisposition = false, furtherReview = false,
    };

    private static object EntrySummary(string importerNumber, string? importerName = null, string hts = "8542.31.0000") => new
    {
        entryNumber = "999-9999999-0", entryDate = "2026-02-20", entryType = "01", portCode = "2704", importerNumber, importerName,
        lines = new[] { new { htsNumber = hts, value = 920000, description = "Processors" }, new { htsNumber = "3004.90.9290", value = 1000, description = "Samples" } },
    };

    private static async Task<JsonObject> PostAsync(HttpClient client, string path, object body, HttpStatusCode status, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await (await client.SendAsync(request).ExpectAsync(status)).ReadObjectAsync();
    }

    [Theory]
    [InlineData("entries[0].entryNumber", "ABC-1234567-5", "12-3456789AA", "check digit")]
    [InlineData("importerNumber", "ABC-1234567-6", "12-3456789AO", "O, I or Z")]
    [InlineData("protestNumber", "ABC-1234567-6", "12-3456789AA", "protest number")]
    public async Task A_bad_identifier_is_refused_naming_the_field_and_the_rule(string field, string entryNumber, string importerNumber, string rule)
    {
        var client = await service.ClientAsync("integration");
        var body = field == "protestNumber" ? Protest("2704-2-100123") : Protest(entryNumber: entryNumber, importerNumber: importerNumber);
        var before = (await (await client.GetAsync("/api/v1/cases")).ReadObjectAsync())["total"]!.GetValue<int>();

        var problem = await PostAsync(client, "/api/v1/protests", body, HttpStatusCode.BadRequest);

        var message = problem["errors"]![field]![0]!.GetValue<string>();
        Assert.Contains(rule, message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, (await (await client.GetAsync("/api/v1/cases")).ReadObjectAsync())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_value_in_the_wrong_form_is_refused_naming_the_field_and_the_form_expected()
    {
        var client = await service.ClientAsync("integration");
        using var body = new StringContent("""{ "protestNumber": "2704-26-100123", "filedOn": "30/11/2026" }""", System.Text.Encoding.UTF8, "application/json");

        var problem = await (await client.PostAsync("/api/v1/protests", body).ExpectAsync(HttpStatusCode.BadRequest)).ReadObjectAsync();
        Assert.Contains("yyyy-MM-dd", problem["errors"]!["filedOn"]![0]!.GetValue<string>());

        var query = await (await (await service.ClientAsync("phc.is1")).GetAsync("/api/v1/tasks?dueFrom=yesterday").ExpectAsync(HttpStatusCode.BadRequest)).ReadObjectAsync();
        Assert.Contains("yesterday", query["errors"]!["dueFrom"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retried_filing_with_the_same_idempotency_key_creates_one_case()
    {
        var client = await service.ClientAsync("integration");
        var key = Guid.NewGuid().ToString();
        var body = Protest("2704-26-200001");

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostAsync(client, "/api/v1/protests", body, HttpStatusCode.Created, key)));
        var again = await PostAsync(client, "/api/v1/protests", body, HttpStatusCode.Created, key);

        Assert.Single(results.Append(again).Select(r => r["caseId"]!.GetValue<string>()).Distinct());
        var cases = await (await client.GetAsync("/api/v1/cases?reference=2704-26-200001")).ReadObjectAsync();
        Assert.Equal(1, cases["total"]!.GetValue<int>());
        var problem = await PostAsync(client, "/api/v1/protests", Protest("2704-26-200002"), HttpStatusCode.BadRequest, key);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("Idempotency-Key"));
    }

    [Fact]
    public async Task A_protest_number_already_on_file_is_refused_naming_the_case_that_has_it()
    {
        var client = await service.ClientAsync("integration");
        var key = Guid.NewGuid().ToString();
        var first = await PostAsync(client, "/api/v1/protests", Protest("2704-26-200003"), HttpStatusCode.Created, key);

        var again = await PostAsync(client, "/api/v1/protests", Protest("2704-26-200003"), HttpStatusCode.Conflict, Guid.NewGuid().ToString());
        Assert.Equal(first["caseId"]!.GetValue<string>(), again["caseId"]!.GetValue<string>());
        Assert.Contains(first["caseId"]!.GetValue<string>(), again["errors"]!["protestNumber"]![0]!.GetValue<string>());
        var retry = await PostAsync(client, "/api/v1/protests", Protest("2704-26-200003"), HttpStatusCode.Created, key);
        Assert.Equal(first["caseId"]!.GetValue<string>(), retry["caseId"]!.GetValue<string>());
        // A specialist of another Center learns the number is taken, not which Long Beach case has it.
        var elsewhere = await PostAsync(await service.ClientAsync("phc.is1"), "/api/v1/protests", Protest("2704-26-200003"), HttpStatusCode.Conflict);
        Assert.Null(elsewhere["caseId"]);
        Assert.DoesNotContain(first["caseId"]!.GetValue<string>(), elsewhere.ToJsonString());
        Assert.DoesNotContain("ELE", elsewhere["errors"]!["protestNumber"]![0]!.GetValue<string>());

        // Filed at once under different keys, one protest wins and the others are told it is on file.
        var racing = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/protests") { Content = JsonContent.Create(Protest("2704-26-200004")) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            return (await client.SendAsync(request)).StatusCode;
        }));
        Assert.Single(racing, HttpStatusCode.Created);
        Assert.All(racing.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));
        foreach (var number in new[] { "2704-26-200003", "2704-26-200004" })
            Assert.Equal(1, (await (await client.GetAsync($"/api/v1/cases?reference={number}")).ReadObjectAsync())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_protest_goes_to_the_importers_Center_with_its_deadlines()
    {
        var client = await service.ClientAsync("integration");
        var created = await PostAsync(client, "/api/v1/protests", Protest("2704-26-300001"), HttpStatusCode.Created);

        Assert.Equal("ELE", created["centerCode"]!.GetValue<string>());
        var detail = await (await client.GetAsync($"/api/v1/cases/{created["caseId"]}").ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        Assert.Equal("2028-03-02", detail["data"]!["decisionLimit"]!.GetValue<string>());
        Assert.Contains(detail["deadlines"]!.AsArray(), d => d!["name"]!.GetValue<string>() == "Decision limit");
        Assert.True(detail["data"]!["timely"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_filing_is_dated_by_the_calendar_of_the_Center_that_receives_it()
    {
        // 03:00 UTC is still the evening before in Long Beach, where the Electronics Center counts its days.
        var now = service.Clock.GetUtcNow();
        service.Clock.SetUtcNow(new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(3), TimeSpan.Zero));
        var utcToday = DateOnly.FromDateTime(service.Clock.GetUtcNow().UtcDateTime);
        var longBeachToday = utcToday.AddDays(-1);
        var client = await service.ClientAsync("integration");

        var problem = await PostAsync(client, "/api/v1/protests", Protest("2704-26-300002", filedOn: $"{utcToday:yyyy-MM-dd}"), HttpStatusCode.BadRequest);
        Assert.Contains("future", problem["errors"]!["filedOn"]![0]!.GetValue<string>());
        Assert.Equal(0, (await (await client.GetAsync("/api/v1/cases?reference=2704-26-300002")).ReadObjectAsync())["total"]!.GetValue<int>());

        var created = await PostAsync(client, "/api/v1/protests", Protest("2704-26-300003", filedOn: $"{longBeachToday:yyyy-MM-dd}"), HttpStatusCode.Created);
        Assert.Equal("ELE", created["centerCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_entry_summary_of_an_importer_that_is_not_a_trusted_partner_stays_at_the_port()
    {
        var client = await service.ClientAsync("integration");
        var created = await PostAsync(client, "/api/v1/entry-summaries", EntrySummary("123-45-6789"), HttpStatusCode.Created);

        Assert.Equal("Port", created["routedTo"]!.GetValue<string>());
        Assert.Null(created["centerCode"]);
        Assert.Null(created["instanceId"]);
        Assert.Equal("Processed at the port", created["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_trusted_importer_without_a_Center_gets_the_Center_of_its_highest_value_goods()
    {
        var client = await service.ClientAsync("integration");
        var created = await PostAsync(client, "/api/v1/entry-summaries", EntrySummary("45-6789012EF"), HttpStatusCode.Created);

        Assert.Equal("ELE", created["centerCode"]!.GetValue<string>());
        Assert.Contains("highest-value", created["routingReason"]!.GetValue<string>());
        var importer = await (await client.GetAsync("/api/v1/importers/45-6789012EF")).ReadObjectAsync();
        Assert.Equal("ELE", importer["centerCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_specialist_of_one_Center_cannot_open_another_Centers_case()
    {
        var integration = await service.ClientAsync("integration");
        var created = await PostAsync(integration, "/api/v1/protests", Protest("2704-26-400001"), HttpStatusCode.Created);
        var caseId = created["caseId"]!.GetValue<string>();

        await (await service.ClientAsync("ele.is1")).GetAsync($"/api/v1/cases/{caseId}").ExpectAsync(HttpStatusCode.OK);
        var problem = await (await (await service.ClientAsync("phc.is1")).GetAsync($"/api/v1/cases/{caseId}").ExpectAsync(HttpStatusCode.Forbidden)).ReadObjectAsync();
        Assert.Contains("ELE", problem["detail"]!.GetValue<string>());
        var phcList = await (await (await service.ClientAsync("phc.is1")).GetAsync("/api/v1/cases?reference=2704-26-400001")).ReadObjectAsync();
        Assert.Equal(0, phcList["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_importer_needs_its_name_and_then_is_registered()
    {
        var client = await service.ClientAsync("integration");
        var problem = await PostAsync(client, "/api/v1/entry-summaries", EntrySummary("77-1234567XY"), HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("importerNumber") || problem["errors"]!.AsObject().ContainsKey("importerName"));

        var created = await PostAsync(client, "/api/v1/entry-summaries", EntrySummary("77-1234567XY", "Lakeside Toys"), HttpStatusCode.Created);
        Assert.Equal("Port", created["routedTo"]!.GetValue<string>());
        await client.GetAsync("/api/v1/importers/77-1234567XY").ExpectAsync(HttpStatusCode.OK);
    }
}

public sealed class IntakeScenarios_Sqlite(SqliteService service) : IntakeScenarios(service), IClassFixture<SqliteService>;

public sealed class IntakeScenarios_PostgreSql(PostgreSqlService service) : IntakeScenarios(service), IClassFixture<PostgreSqlService>;
