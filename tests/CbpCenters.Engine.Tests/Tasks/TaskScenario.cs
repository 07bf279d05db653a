using System.Text.Json.Nodes;
using CbpCenters.Engine.Calendar;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Engine.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CbpCenters.Engine.Tests.EngineHarness;

namespace CbpCenters.Engine.Tests.Tasks;

/// <summary>
/// The engine with two Centers' staff: Pharmaceuticals, Health &amp; Chemicals (PHC, New York) and Electronics
/// (ELE, Los Angeles), each with core and matrix staff, a Center Director and a shared DFO.
/// </summary>
public sealed class TaskScenario : IAsyncDisposable
{
    public const string Phc = "PHC";
    public const string Ele = "ELE";

    /// <summary>
    /// PHC: ana, ben, cho (Import Specialists, core), dee (Entry Specialist, core), eli (Paralegal, matrix),
    /// ivy (Import Specialist, matrix, from the port); director pat. ELE: gus (Import Specialist, core), hal
    /// (Paralegal, matrix); director eve. dan is the DFO of both.
    /// </summary>
    public TaskScenario()
    {
        foreach (var person in new[]
        {
            Person("ana", Phc, CandidatePool.Core, "ImportSpecialist"),
            Person("ben", Phc, CandidatePool.Core, "ImportSpecialist"),
            Person("cho", Phc, CandidatePool.Core, "ImportSpecialist"),
            Person("dee", Phc, CandidatePool.Core, "EntrySpecialist"),
            Person("eli", Phc, CandidatePool.Matrix, "Paralegal"),
            Person("ivy", Phc, CandidatePool.Matrix, "ImportSpecialist"),
            Person("gus", Ele, CandidatePool.Core, "ImportSpecialist"),
            Person("hal", Ele, CandidatePool.Matrix, "Paralegal"),
        })
            SetPerson(person);
        Staff.AddCenterDirector(Phc, People["pat"] = Person("pat", Phc, CandidatePool.Core))
            .AddCenterDirector(Ele, People["eve"] = Person("eve", Ele, CandidatePool.Core))
            .AddDirectorFieldOperations(People["dan"] = Person("dan", null, CandidatePool.Core), Phc, Ele);
        Engine = new EngineHarness(services =>
        {
            services.AddSingleton<IStaffDirectory>(Staff);
            services.AddSingleton<ICenterCalendar>(new CenterZones());
        });
    }

    public InMemoryStaffDirectory Staff { get; } = new();
    public Dictionary<string, StaffProfile> People { get; } = [];

    /// <summary>Adds or changes a staff member, e.g. <c>SetPerson(People["ana"] with { OutOfOffice = true })</c>.</summary>
    public void SetPerson(StaffProfile person) => Staff.Add(People[person.UserName] = person);
    public EngineHarness Engine { get; }
    public FakeTimeProvider Clock => Engine.Clock;
    public InMemoryWorkflowStore Store => Engine.Store;

    public static StaffProfile Person(string user, string? center, CandidatePool pool, params string[] positions) =>
        new(user, user.ToUpperInvariant(), $"{user}@cbp.dhs.gov", center, positions, pool,
            pool == CandidatePool.Matrix ? "1001" : null, OutOfOffice: false, Substitute: null);

    public static string Email(string user) => $"{user}@cbp.dhs.gov";

    /// <summary>A staff member acting on tasks in their own Center.</summary>
    public static TaskActor Actor(StaffProfile person) => new(person.UserName, person.CenterCode, person.Positions, person.Pool, IsSupervisor: false,
            person.CenterCode is null ? [] : [person.CenterCode]);

    public TaskActor Actor(string user) => Actor(People[user]);

    public static TaskActor Supervisor(string center) =>
        new($"sup.{center.ToLowerInvariant()}", center, [], CandidatePool.Core, IsSupervisor: true, [center]);

    public const string ReviewOutcomes = """
        [ { "name": "Approve", "label": "Approve", "form": [ { "field": "reason", "label": "Reason", "type": "textarea", "required": true, "maxLength": 200 } ] },
          { "name": "Reject", "label": "Reject", "form": [ { "field": "reason", "label": "Reason", "type": "text", "required": true },
                                                           { "field": "refund", "label": "Refund", "type": "money" } ] } ]
        """;

    /// <summary>Start → task "review" → one SetVariable per port that records which way the workflow went.</summary>
    public static string TaskFlow(string id, string taskProperties, params string[] ports)
    {
        ports = ports.Length == 0 ? ["Approve", "Reject"] : ports;
        var after = string.Join(", ", ports.Select(p => $$"""{ "id": "after-{{p}}", "type": "SetVariable", "variable": "result", "value": "'{{p}}'" }"""));
        var wires = string.Join(", ", ports.Select(p => Wire("review", p, "after-" + p)));
        return Flow(id,
            $$"""{ "id": "start", "type": "Start" }, { "id": "review", "type": "HumanTask", {{taskProperties}} }, {{after}}""",
            $"{Wire("start", "Done", "review")}, {wires}");
    }

    public Task ImportAsync(string json) => Engine.ImportAsync(json);

    public Task<WorkflowInstance> StartAsync(string definitionId, string center = Phc, JsonObject? input = null, Guid? caseId = null) =>
        Engine.Runtime(r => r.StartAsync(new StartWorkflow(definitionId, input, CaseId: caseId, CenterCode: center)));

    public async Task<List<HumanTask>> TasksOfAsync(Guid instanceId)
    {
        var everyone = new TaskViewer("auditor", null, [], CandidatePool.Either, [Phc, Ele]);
        var page = await Store.Tasks.QueryAsync(new TaskQuery(everyone, TaskView.All, InstanceId: instanceId, Sort: TaskSort.Created), default);
        return [.. page.Items];
    }

    public async Task<HumanTask> TaskOfAsync(Guid instanceId) => Assert.Single(await TasksOfAsync(instanceId));

    public Task<T> Service<T>(Func<TaskService, Task<T>> call) => Engine.Scoped(sp => call(sp.GetRequiredService<TaskService>()));

    public Task<HumanTask> CompleteAsync(HumanTask task, string user, string outcome, JsonObject? data = null) =>
        Service(s => s.CompleteAsync(task.Id, outcome, data ?? new JsonObject { ["reason"] = "checked the entries" }, Actor(user)));

    public async Task<List<string>> HistoryAsync(Guid taskId) =>
        [.. (await Store.Tasks.GetHistoryAsync(taskId, default)).Select(e => e.Kind)];

    public Task<IReadOnlyList<JournalEntry>> JournalAsync(Guid instanceId) => Store.GetJournalAsync(instanceId, default);

    public ValueTask DisposeAsync() => Engine.DisposeAsync();

    private sealed class CenterZones : ICenterCalendar
    {
        public TimeZoneInfo TimeZoneOf(string? centerCode) => centerCode switch
        {
            Phc => CenterTimeZones.Find("America/New_York"),
            Ele => CenterTimeZones.Find("America/Los_Angeles"),
            _ => TimeZoneInfo.Utc,
        };

        public BusinessCalendar Calendar { get; } = new();
    }
}
