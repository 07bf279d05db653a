using System.Net;
using System.Net.Http.Json;
using CbpCenters.IntegrationTests.Infrastructure;
using static CbpCenters.IntegrationTests.Infrastructure.Flowcharts;
using static CbpCenters.IntegrationTests.Tasks.TaskFlows;

namespace CbpCenters.IntegrationTests.Tasks;

/// <summary>
/// Changes to who works where that would strand work: a person moving Center with tasks in hand or a Center to
/// direct, a bulk reassignment to someone who may work none of the tasks, a Center led by another Center's director.
/// Each is refused naming the field, and nothing changes.
/// </summary>
public abstract class OrganisationChangeScenarios(ServiceFixture service)
{
    [Fact]
    public async Task A_person_holding_tasks_moves_Center_only_after_handing_them_over()
    {
        var admin = await service.ClientAsync(Admin);
        var holder = (await admin.HireAsync("IMM", "ImportSpecialist", 1))[0];
        var elsewhere = (await admin.HireAsync("PHC", "ImportSpecialist", 1))[0];
        var id = Unique("move");
        await admin.PublishAsync(Review(id, """{ "roles": ["ImportSpecialist"] }""", $"\"assignee\": \"{holder}\""));
        var task = await admin.TaskOfAsync(id, (await admin.StartAsync(id, "IMM")).Id());

        var move = await admin.PutAsJsonAsync($"/api/v1/staff/{holder}", new { centerCode = "PHC" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["centerCode"], await move.ErrorFieldsAsync());
        Assert.Contains("1 open task", await move.DetailTextAsync());

        var director = await service.ClientAsync("imm.director");
        var unknown = await director.PostAsJsonAsync("/api/v1/tasks/bulk-reassign", new { fromUser = "nobody.anywhere", toUser = holder })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["fromUser"], await unknown.ErrorFieldsAsync());
        var wrongCenter = await director.PostAsJsonAsync("/api/v1/tasks/bulk-reassign", new { fromUser = holder, toUser = elsewhere })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["toUser"], await wrongCenter.ErrorFieldsAsync());
        Assert.Contains("IMM", await wrongCenter.DetailTextAsync());
        var bogusRole = await admin.PutAsJsonAsync($"/api/v1/staff/{holder}", new { centerCode = "PHC", roles = new[] { "Bogus" } })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["roles"], await bogusRole.ErrorFieldsAsync());
        var deactivated = await admin.PutAsJsonAsync($"/api/v1/staff/{holder}", new { active = false }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["active"], await deactivated.ErrorFieldsAsync());
        Assert.Equal(holder, (await (await service.ClientAsync(holder)).DetailAsync(task.Id()))["task"]!.Text("assignee"));
        Assert.Equal("IMM", (await (await admin.GetAsync($"/api/v1/staff/{holder}")).ReadObjectAsync()).Text("centerCode"));

        await (await service.ClientAsync(holder)).CompleteAsync(task.Id(), "Allow").ExpectAsync(HttpStatusCode.OK);
        var moved = await (await admin.PutAsJsonAsync($"/api/v1/staff/{holder}", new { centerCode = "phc" }).ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        Assert.Equal("PHC", moved.Text("centerCode"));
    }

    [Fact]
    public async Task A_Center_is_directed_by_one_of_its_own_and_its_director_stays_until_replaced()
    {
        var admin = await service.ClientAsync(Admin);
        var empty = await admin.PutAsJsonAsync("/api/v1/centers/AGR", new { }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["dfoUserName", "directorUserName"], (await empty.ErrorFieldsAsync()).Order());
        var foreign = await admin.PutAsJsonAsync("/api/v1/centers/AGR", new { directorUserName = "phc.director", dfoUserName = "dfo.newyork" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["directorUserName"], await foreign.ErrorFieldsAsync());
        Assert.Contains("works for PHC", await foreign.DetailTextAsync());
        Assert.Equal("agr.director", (await AgrAsync(admin))["directorUserName"]!.GetValue<string>());
        // Kept as the accounts spell it, so the rules that compare names find them.
        await admin.PutAsJsonAsync("/api/v1/centers/AGR", new { directorUserName = "AGR.Director", dfoUserName = "DFO.NewYork" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("agr.director", "dfo.newyork"), ((await AgrAsync(admin)).Text("directorUserName"), (await AgrAsync(admin)).Text("dfoUserName")));

        var successor = (await admin.HireAsync("AGR", "ImportSpecialist", 1))[0];
        await admin.PutAsJsonAsync($"/api/v1/staff/{successor}", new { roles = new[] { "Staff", "CenterDirector" } }).ExpectAsync(HttpStatusCode.OK);
        await admin.PutAsJsonAsync("/api/v1/centers/AGR", new { directorUserName = successor, dfoUserName = "dfo.newyork" }).ExpectAsync(HttpStatusCode.OK);
        var leaving = await admin.PutAsJsonAsync($"/api/v1/staff/{successor}", new { centerCode = "PHC" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("directs AGR", await leaving.DetailTextAsync());
        var demoted = await admin.PutAsJsonAsync($"/api/v1/staff/{successor}", new { roles = new[] { "Staff" } }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["roles"], await demoted.ErrorFieldsAsync());

        await admin.PutAsJsonAsync("/api/v1/centers/AGR", new { directorUserName = "agr.director", dfoUserName = "dfo.newyork" }).ExpectAsync(HttpStatusCode.OK);
        await admin.PutAsJsonAsync($"/api/v1/staff/{successor}", new { centerCode = "PHC" }).ExpectAsync(HttpStatusCode.OK);
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> AgrAsync(HttpClient admin) =>
        (await (await admin.GetAsync("/api/v1/centers")).ReadArrayAsync()).Single(c => c!.Text("code") == "AGR")!.AsObject();
}

public sealed class OrganisationChangeScenarios_Sqlite(SqliteService service) : OrganisationChangeScenarios(service), IClassFixture<SqliteService>;

public sealed class OrganisationChangeScenarios_PostgreSql(PostgreSqlService service) : OrganisationChangeScenarios(service), IClassFixture<PostgreSqlService>;
