using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CbpCenters.IntegrationTests.Infrastructure;
using static CbpCenters.IntegrationTests.Infrastructure.Flowcharts;

namespace CbpCenters.IntegrationTests.Engine;

/// <summary>The engine over HTTP: definitions, start, signal, joins, timers, faults, versions and races.</summary>
public abstract class EngineScenarios(ServiceFixture service)
{
    private const string Supervisor = "admin";

    private async Task<HttpClient> PublishAsync(JsonObject definition)
    {
        var client = await service.ClientAsync(Supervisor);
        await client.PublishAsync(definition);
        return client;
    }

    private static Task<JsonObject> StartAsync(HttpClient client, string definitionId, JsonObject? input = null) =>
        client.StartAsync(definitionId, centerCode: null, input);

    private static async Task<List<string>> CompletedAsync(HttpClient client, string instanceId)
    {
        var journal = await (await client.GetAsync($"/api/v1/workflow-instances/{instanceId}/journal").ExpectAsync(HttpStatusCode.OK)).ReadArrayAsync();
        return [.. journal.Where(j => j!["event"]!.GetValue<string>() == "ActivityCompleted").Select(j => j!["activityId"]!.GetValue<string>())];
    }

    private static JsonObject SignalFlow(string id, string message = "Filer answered {{ variables.answer.text }}") => Flow(id,
        $$"""
        { "id": "start", "type": "Start" },
        { "id": "wait", "type": "WaitForSignal", "signal": "filer-response", "variable": "answer" },
        { "id": "log", "type": "Log", "message": "{{message}}" },
        { "id": "end", "type": "End" }
        """,
        $"{Wire("start", "Done", "wait")}, {Wire("wait", "Received", "log")}, {Wire("log", "Done", "end")}",
        """ "variables": [ { "name": "answer", "type": "object" } ], """);

    [Fact]
    public async Task Health_is_ok_and_the_api_requires_sign_in()
    {
        var anonymous = service.Anonymous();
        await anonymous.GetAsync("/health").ExpectAsync(HttpStatusCode.OK);
        await anonymous.GetAsync("/api/v1/workflow-instances").ExpectAsync(HttpStatusCode.Unauthorized);
        var bad = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = "wrong" }).ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("not correct", (await bad.ReadObjectAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_waiting_instance_is_signalled_and_finishes_with_a_journal_of_each_activity()
    {
        var id = Unique("signal");
        var client = await PublishAsync(SignalFlow(id));
        var started = await StartAsync(client, id);
        Assert.Equal("Suspended", started.Status());
        Assert.Equal("Signal", started["bookmarks"]![0]!["kind"]!.GetValue<string>());

        var signalled = await (await client.PostAsJsonAsync($"/api/v1/workflow-instances/{started.Id()}/signals/filer-response", new { text = "invoice attached" })
            .ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();

        Assert.Equal("Finished", signalled.Status());
        Assert.Equal(["start", "wait", "log", "end"], await CompletedAsync(client, started.Id()));
        var journal = await (await client.GetAsync($"/api/v1/workflow-instances/{started.Id()}/journal")).ReadArrayAsync();
        Assert.Contains(journal, j => j!["message"]?.GetValue<string>() == "Filer answered invoice attached");
        await client.PostAsJsonAsync($"/api/v1/workflow-instances/{started.Id()}/signals/filer-response", new { }).ExpectAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Two_concurrent_signals_for_one_bookmark_have_exactly_one_winner()
    {
        var id = Unique("race");
        var client = await PublishAsync(SignalFlow(id));
        var started = await StartAsync(client, id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            client.PostAsJsonAsync($"/api/v1/workflow-instances/{started.Id()}/signals/filer-response", new { text = $"answer {i}" })));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var journal = await (await client.GetAsync($"/api/v1/workflow-instances/{started.Id()}/journal")).ReadArrayAsync();
        Assert.Single(journal, j => j!["event"]!.GetValue<string>() == "SignalReceived");
    }

    private static JsonObject ForkJoin(string id, string mode) => Flow(id,
        $$"""
        { "id": "start", "type": "Start" },
        { "id": "fork", "type": "Fork", "branches": ["A", "B"] },
        { "id": "a", "type": "WaitForSignal", "signal": "a" },
        { "id": "b", "type": "WaitForSignal", "signal": "b" },
        { "id": "join", "type": "Join", "mode": "{{mode}}" },
        { "id": "after", "type": "End" }
        """,
        $"{Wire("start", "Done", "fork")}, {Wire("fork", "A", "a")}, {Wire("fork", "B", "b")}, {Wire("a", "Received", "join")}, {Wire("b", "Received", "join")}, {Wire("join", "Done", "after")}");

    [Fact]
    public async Task Fork_and_join_all_waits_for_both_branches()
    {
        var id = Unique("all");
        var client = await PublishAsync(ForkJoin(id, "WaitAll"));
        var instance = await StartAsync(client, id);
        Assert.Equal(2, instance["bookmarks"]!.AsArray().Count);

        await client.PostAsync($"/api/v1/workflow-instances/{instance.Id()}/signals/a", null).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Suspended", (await client.InstanceAsync(instance.Id())).Status());
        await client.PostAsync($"/api/v1/workflow-instances/{instance.Id()}/signals/b", null).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Finished", (await client.InstanceAsync(instance.Id())).Status());
        Assert.Single(await CompletedAsync(client, instance.Id()), a => a == "after");
    }

    [Fact]
    public async Task Fork_and_join_any_continues_on_the_first_branch_and_cancels_the_other()
    {
        var id = Unique("any");
        var client = await PublishAsync(ForkJoin(id, "WaitAny"));
        var instance = await StartAsync(client, id);

        await client.PostAsync($"/api/v1/workflow-instances/{instance.Id()}/signals/a", null).ExpectAsync(HttpStatusCode.OK);

        var after = await client.InstanceAsync(instance.Id());
        Assert.Equal("Finished", after.Status());
        Assert.Empty(after["bookmarks"]!.AsArray());
        await client.PostAsync($"/api/v1/workflow-instances/{instance.Id()}/signals/b", null).ExpectAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData(250000, "Deny")]
    [InlineData(100, "Allow")]
    public async Task Decision_routes_on_its_condition(int amount, string expected)
    {
        var id = Unique("decide");
        var client = await PublishAsync(Flow(id,
            """
            { "id": "start", "type": "Start" },
            { "id": "large", "type": "Decision", "condition": "input.amount > 100000" },
            { "id": "deny", "type": "SetVariable", "variable": "decision", "value": "'Deny'" },
            { "id": "allow", "type": "SetVariable", "variable": "decision", "value": "'Allow'" }
            """,
            $"{Wire("start", "Done", "large")}, {Wire("large", "True", "deny")}, {Wire("large", "False", "allow")}"));

        var instance = await StartAsync(client, id, new JsonObject { ["amount"] = amount });

        Assert.Equal(expected, instance["variables"]!["decision"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_delay_fires_when_the_clock_reaches_it_and_not_before()
    {
        var id = Unique("delay");
        var client = await PublishAsync(Flow(id,
            """{ "id": "start", "type": "Start" }, { "id": "wait", "type": "Delay", "duration": "P20D" }, { "id": "end", "type": "End" }""",
            $"{Wire("start", "Done", "wait")}, {Wire("wait", "Done", "end")}"));
        var instance = await StartAsync(client, id);
        var due = instance["bookmarks"]![0]!["dueAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(service.Clock.GetUtcNow().AddDays(20), due);

        service.Clock.SetUtcNow(due.AddSeconds(-1));
        await service.FireDueTimersAsync();
        Assert.Equal("Suspended", (await client.InstanceAsync(instance.Id())).Status());

        service.Clock.SetUtcNow(due);
        await service.FireDueTimersAsync();
        Assert.Equal("Finished", (await client.InstanceAsync(instance.Id())).Status());
    }

    [Fact]
    public async Task A_fault_records_an_incident_and_a_retry_continues_once_the_cause_is_gone()
    {
        var id = Unique("fault");
        var opensAt = service.Clock.GetUtcNow().AddDays(1);
        var client = await PublishAsync(Flow(id,
            $$"""
            { "id": "start", "type": "Start" },
            { "id": "check", "type": "Decision", "condition": "if (new Date(now) < new Date('{{opensAt:O}}')) throw new Error('the ACE gateway is closed'); true" },
            { "id": "yes", "type": "End" }, { "id": "no", "type": "End" }
            """,
            $"{Wire("start", "Done", "check")}, {Wire("check", "True", "yes")}, {Wire("check", "False", "no")}"));

        var instance = await StartAsync(client, id);
        Assert.Equal("Faulted", instance.Status());
        var incident = instance["incidents"]![0]!;
        Assert.Equal("check", incident["activityId"]!.GetValue<string>());
        Assert.Contains("the ACE gateway is closed", incident["message"]!.GetValue<string>());

        service.Clock.Advance(TimeSpan.FromDays(2));
        var retried = await (await client.PostAsync($"/api/v1/workflow-instances/{instance.Id()}/retry", null).ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        Assert.Equal("Finished", retried.Status());
        Assert.Equal(["start", "check", "yes"], await CompletedAsync(client, instance.Id()));
    }

    [Fact]
    public async Task An_infinite_loop_faults_only_its_own_instance()
    {
        var id = Unique("spin");
        var client = await PublishAsync(Flow(id,
            """{ "id": "start", "type": "Start" }, { "id": "spin", "type": "SetVariable", "variable": "x", "value": "while(true){}" }""",
            Wire("start", "Done", "spin")));

        var instance = await StartAsync(client, id);

        Assert.Equal("Faulted", instance.Status());
        Assert.Contains("was stopped", instance["incidents"]![0]!["message"]!.GetValue<string>());
        await service.Anonymous().GetAsync("/health").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_running_instance_keeps_its_version_when_a_new_one_is_published()
    {
        var id = Unique("versions");
        var client = await PublishAsync(SignalFlow(id, "first version"));
        var onV1 = await StartAsync(client, id);

        var v2 = SignalFlow(id, "second version");
        var draft = await (await client.PutAsJsonAsync($"/api/v1/workflow-definitions/{id}/draft", v2).ExpectAsync(HttpStatusCode.OK)).ReadObjectAsync();
        Assert.Equal(2, draft["version"]!.GetValue<int>());
        Assert.Equal("Draft", draft["status"]!.GetValue<string>());
        await client.PostAsync($"/api/v1/workflow-definitions/{id}/publish", null).ExpectAsync(HttpStatusCode.OK);
        var onV2 = await StartAsync(client, id);

        foreach (var instance in new[] { onV1, onV2 })
            await client.PostAsJsonAsync($"/api/v1/workflow-instances/{instance.Id()}/signals/filer-response", new { }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(1, onV1["definitionVersion"]!.GetValue<int>());
        Assert.Equal(2, onV2["definitionVersion"]!.GetValue<int>());
        var v1Journal = await (await client.GetAsync($"/api/v1/workflow-instances/{onV1.Id()}/journal")).ReadArrayAsync();
        Assert.Contains(v1Journal, j => j!["message"]?.GetValue<string>() == "first version");
        var versions = await (await client.GetAsync($"/api/v1/workflow-definitions/{id}/versions")).ReadArrayAsync();
        Assert.Equal(["Published", "Retired"], versions.Select(v => v!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Publishing_an_invalid_definition_is_refused_with_the_activity_and_rule_named()
    {
        var id = Unique("broken");
        var client = await service.ClientAsync(Supervisor);
        var broken = Flow(id,
            """{ "id": "start", "type": "Start" }, { "id": "route", "type": "Decision", "condition": "input.x >" }, { "id": "end", "type": "End" }, { "id": "lost", "type": "Teleport" }""",
            $"{Wire("start", "Done", "route")}, {Wire("route", "True", "end")}");
        var draft = await (await client.PostAsJsonAsync("/api/v1/workflow-definitions", broken).ExpectAsync(HttpStatusCode.Created)).ReadObjectAsync();
        Assert.NotEmpty(draft["errors"]!.AsArray());

        var problem = await (await client.PostAsync($"/api/v1/workflow-definitions/{id}/publish", null).ExpectAsync(HttpStatusCode.BadRequest)).ReadObjectAsync();

        var errors = problem["errors"]!.AsObject();
        Assert.Contains("rule: expression", errors["activities.route"]!.ToJsonString());
        Assert.Contains("rule: unwired-outcome", errors["activities.route"]!.ToJsonString());
        Assert.Contains("rule: unknown-type", errors["activities.lost"]!.ToJsonString());
        await client.PostAsJsonAsync("/api/v1/workflow-instances", new { definitionId = id }).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_naming_the_field()
    {
        var client = await service.ClientAsync(Supervisor);
        var problem = await (await client.PostAsJsonAsync("/api/v1/workflow-instances", new { definitionId = "" }).ExpectAsync(HttpStatusCode.BadRequest)).ReadObjectAsync();
        Assert.True(problem["errors"]!.AsObject().ContainsKey("definitionId"));
        await client.GetAsync("/api/v1/workflow-instances?pageSize=0").ExpectAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class EngineScenarios_Sqlite(SqliteService service) : EngineScenarios(service), IClassFixture<SqliteService>;

public sealed class EngineScenarios_PostgreSql(PostgreSqlService service) : EngineScenarios(service), IClassFixture<PostgreSqlService>;
