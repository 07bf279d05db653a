using System.Net;
using System.Net.Http.Json;
using CbpCenters.IntegrationTests.Infrastructure;
using static CbpCenters.IntegrationTests.Infrastructure.Flowcharts;

namespace CbpCenters.IntegrationTests.Scheduling;

/// <summary>
/// Issue 4, time-skipping mode: the real service clock, moved forward by an administrator to rehearse a
/// deadline. Advancing 31 days fires an accelerated-disposition protest's 30-day timer.
/// </summary>
public abstract class TimeTravelScenarios(ServiceFixture service)
{
    // 19 CFR 174.22: a protest with accelerated disposition requested is deemed denied 30 days after the request.
    private static System.Text.Json.Nodes.JsonObject DeemedDenial(string id) => Flow(id,
        """
        { "id": "start", "type": "Start" },
        { "id": "thirty-days", "type": "Delay", "duration": "P30D" },
        { "id": "deemed-denied", "type": "SetVariable", "variable": "decision", "value": "'DeemedDenied'" },
        { "id": "end", "type": "End" }
        """,
        $"{Wire("start", "Done", "thirty-days")}, {Wire("thirty-days", "Done", "deemed-denied")}, {Wire("deemed-denied", "Done", "end")}",
        """ "variables": [ { "name": "decision", "type": "string" } ], """);

    private static async Task<TimeSpan> OffsetAsync(HttpClient admin) =>
        TimeSpan.Parse((await (await admin.GetAsync("/api/v1/admin/clock").ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync()).Text("offset"),
            System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Advancing_the_clock_31_days_fires_the_30_day_accelerated_disposition_timer()
    {
        var admin = await service.ClientAsync("admin");
        var id = Unique("deemed");
        await admin.PublishAsync(DeemedDenial(id));
        var instance = await admin.StartAsync(id, "PHC");
        var due = instance.DueOf("delay");
        var offset = await OffsetAsync(admin);

        var moved = await (await admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { duration = "P31D" }).ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();

        Assert.True(moved["timersFired"]!.GetValue<int>() >= 1);
        Assert.Equal(offset + TimeSpan.FromDays(31), await OffsetAsync(admin));
        Assert.True(moved.Instant("now") >= due.AddDays(1));
        var after = await admin.InstanceAsync(instance.Id());
        Assert.Equal("Finished", after.Status());
        Assert.Equal("DeemedDenied", after["variables"]!["decision"]!.GetValue<string>());
        var fired = Assert.Single(await admin.JournalAsync(instance.Id(), "TimerFired"));
        Assert.True(fired.Instant("at") >= due, $"fired at {fired.Instant("at"):O}, due {due:O}");
    }

    [Fact]
    public async Task Advancing_less_than_the_timer_leaves_it_waiting()
    {
        var admin = await service.ClientAsync("admin");
        var id = Unique("early");
        await admin.PublishAsync(DeemedDenial(id));
        var instance = await admin.StartAsync(id, "PHC");

        await admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { duration = "P29D" }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Suspended", (await admin.InstanceAsync(instance.Id())).Status());
        Assert.Empty(await admin.JournalAsync(instance.Id(), "TimerFired"));
    }

    [Fact]
    public async Task Only_an_administrator_may_move_the_clock()
    {
        var admin = await service.ClientAsync("admin");
        var offset = await OffsetAsync(admin);

        foreach (var user in new[] { "phc.supervisor", "phc.director", "dfo.newyork", "phc.is1" })
            await (await service.ClientAsync(user)).PostAsJsonAsync("/api/v1/admin/clock/advance", new { duration = "P31D" })
                .ExpectAsync(HttpStatusCode.Forbidden);
        await service.Anonymous().PostAsJsonAsync("/api/v1/admin/clock/advance", new { duration = "P31D" }).ExpectAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(offset, await OffsetAsync(admin));
    }

    [Theory]
    [InlineData("31 days")]
    [InlineData("P5BD")]
    [InlineData("")]
    public async Task A_bad_duration_is_refused_naming_the_field_and_the_clock_stays(string duration)
    {
        var admin = await service.ClientAsync("admin");
        var offset = await OffsetAsync(admin);

        var refused = await admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { duration }).ExpectAsync(HttpStatusCode.BadRequest);

        var problem = await refused.ReadObjectAsync();
        Assert.NotEmpty(problem["errors"]!["duration"]!.AsArray());
        Assert.Equal(offset, await OffsetAsync(admin));
    }
}

public sealed class TimeTravelScenarios_Sqlite(TimeTravelSqliteService service) : TimeTravelScenarios(service), IClassFixture<TimeTravelSqliteService>;

public sealed class TimeTravelScenarios_PostgreSql(TimeTravelPostgreSqlService service) : TimeTravelScenarios(service), IClassFixture<TimeTravelPostgreSqlService>;
