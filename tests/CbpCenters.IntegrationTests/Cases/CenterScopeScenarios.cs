using System.Net;
using System.Net.Http.Json;
using CbpCenters.IntegrationTests.Infrastructure;

namespace CbpCenters.IntegrationTests.Cases;

/// <summary>A Long Beach (ELE) person never reaches New York (PHC) work through the API: instances, notices, accounts, people.</summary>
public abstract class CenterScopeScenarios(ServiceFixture service)
{
    private readonly CenterDesk _desk = new(service);

    private async Task<(string CaseId, string InstanceId)> PhcDisclosureAsync()
    {
        var filed = await _desk.FileAsync("/api/v1/prior-disclosures", new
        {
            filedOn = _desk.Today.ToString("yyyy-MM-dd"), importerNumber = "12-3456789AB", oral = true, merchandiseClass = "APIs",
            entryNumbers = new[] { "999-9999999-0" }, falseStatements = "Origin Ireland", trueInformation = "Origin India",
        });
        return (filed["caseId"]!.GetValue<string>(), filed["instanceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_Centers_instances_cannot_be_listed_read_signalled_cancelled_or_started()
    {
        var (caseId, instanceId) = await PhcDisclosureAsync();
        var specialist = await service.ClientAsync("ele.is1");
        var supervisor = await service.ClientAsync("ele.supervisor");

        var listed = await (await specialist.GetAsync("/api/v1/workflow-instances?pageSize=500").ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        Assert.DoesNotContain(listed["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == instanceId);
        await specialist.GetAsync($"/api/v1/workflow-instances/{instanceId}").ExpectAsync(HttpStatusCode.Forbidden);
        await specialist.GetAsync($"/api/v1/workflow-instances/{instanceId}/journal").ExpectAsync(HttpStatusCode.Forbidden);
        await specialist.PostAsJsonAsync($"/api/v1/workflow-instances/{instanceId}/signals/written-confirmation", new { }).ExpectAsync(HttpStatusCode.Forbidden);
        await supervisor.PostAsJsonAsync($"/api/v1/workflow-instances/{instanceId}/cancel", new { reason = "x" }).ExpectAsync(HttpStatusCode.Forbidden);
        await specialist.PostAsJsonAsync("/api/v1/workflow-instances", new { definitionId = "sample-filer-response", centerCode = "PHC" }).ExpectAsync(HttpStatusCode.Forbidden);

        var phc = await service.ClientAsync("phc.is1");
        await phc.GetAsync($"/api/v1/workflow-instances/{instanceId}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Awaiting written confirmation", await _desk.StatusAsync(caseId));

        // The filer's written confirmation, recorded by a specialist of the case's Center without naming the signal.
        await phc.PostAsJsonAsync($"/api/v1/cases/{caseId}/filer-responses", new { text = "Letter of March 3 attached." }).ExpectAsync(HttpStatusCode.OK);
        Assert.NotEqual("Awaiting written confirmation", await _desk.StatusAsync(caseId));
    }

    [Fact]
    public async Task Another_Centers_notices_and_the_mailbox_stay_out_of_reach()
    {
        var (caseId, _) = await PhcDisclosureAsync();
        var notices = await _desk.NoticesAsync(caseId, "prior-disclosure-received");
        var noticeId = Assert.Single(notices)["id"]!.GetValue<string>();
        var specialist = await service.ClientAsync("ele.is1");

        var listed = await (await specialist.GetAsync($"/api/v1/outbox?caseId={caseId}").ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        Assert.Equal(0, listed["total"]!.GetValue<int>());
        await specialist.GetAsync($"/api/v1/outbox/{noticeId}").ExpectAsync(HttpStatusCode.NotFound);
        await specialist.GetAsync("/api/v1/mailbox").ExpectAsync(HttpStatusCode.Forbidden);

        var phc = await (await (await service.ClientAsync("phc.is1")).GetAsync($"/api/v1/outbox?caseId={caseId}").ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        Assert.True(phc["total"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task A_supervisor_cannot_take_over_another_Centers_importer_or_staff()
    {
        var supervisor = await service.ClientAsync("ele.supervisor");
        await supervisor.PutAsJsonAsync("/api/v1/importers/12-3456789AB", new
        {
            name = "Hudson Pharma Inc.", cTpat = true, isa = false, centerCode = "ELE", filerEmails = new[] { "attacker@evil.example" },
        }).ExpectAsync(HttpStatusCode.Forbidden);
        await supervisor.GetAsync("/api/v1/importers/12-3456789AB").ExpectAsync(HttpStatusCode.Forbidden);
        await supervisor.PutAsJsonAsync("/api/v1/staff/phc.is2/out-of-office", new { outOfOffice = true }).ExpectAsync(HttpStatusCode.Forbidden);

        var hudson = await (await (await service.ClientAsync("phc.director")).GetAsync("/api/v1/importers/12-3456789AB").ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        Assert.Equal("PHC", hudson["centerCode"]!.GetValue<string>());
        Assert.True(hudson["updatedAt"]!.GetValue<DateTimeOffset>().Year >= 2026, "a seeded importer carries when it was seeded");
        Assert.DoesNotContain("attacker", hudson["filerEmails"]!.ToJsonString());
        await (await service.ClientAsync("phc.supervisor")).PutAsJsonAsync("/api/v1/staff/phc.is2/out-of-office", new { outOfOffice = false })
            .ExpectAsync(HttpStatusCode.OK);
    }
}

public sealed class CenterScopeScenarios_Sqlite(SqliteService service) : CenterScopeScenarios(service), IClassFixture<SqliteService>;

public sealed class CenterScopeScenarios_PostgreSql(PostgreSqlService service) : CenterScopeScenarios(service), IClassFixture<PostgreSqlService>;
