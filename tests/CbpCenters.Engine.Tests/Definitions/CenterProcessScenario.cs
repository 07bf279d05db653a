using System.Text.Json.Nodes;
using CbpCenters.Engine.Activities;
using CbpCenters.Engine.Calendar;
using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CbpCenters.Engine.Tests.Definitions;

/// <summary>
/// The engine running the real <c>workflows/*.json</c> and templates for the Pharmaceuticals, Health &amp; Chemicals
/// Center (New York): a few of its core and matrix staff, its director and DFO, cases held as JSON that take the
/// workflows' UpdateCase changes as each commit lands (as the server's case store does), and notices resolved to
/// the filer's and staff's addresses.
/// </summary>
public sealed class CenterProcessScenario : IAsyncDisposable
{
    public const string Director = "phc.director";
    public const string Dfo = "dfo.newyork";

    public CenterProcessScenario()
    {
        foreach (var (user, positions, pool) in new[]
        {
            ("phc.is1", "ImportSpecialist", CandidatePool.Core),
            ("phc.is2", "ImportSpecialist", CandidatePool.Core),
            ("phc.supervisor", "ImportSpecialist,SupervisoryImportSpecialist", CandidatePool.Core),
            ("phc.es1", "EntrySpecialist", CandidatePool.Core),
            ("phc.attorney", "AttorneyAdvisor", CandidatePool.Core),
            ("phc.auditor", "Auditor", CandidatePool.Core),
            ("phc.its", "InternationalTradeSpecialist", CandidatePool.Core),
            ("phc.nam", "NationalAccountManager", CandidatePool.Core),
            ("phc.paralegal", "Paralegal", CandidatePool.Matrix),
            ("phc.sps", "SeizedPropertySpecialist", CandidatePool.Matrix),
        })
            Staff.Add(People[user] = Person(user, CenterCases.CenterCode, pool, positions.Split(',')));
        Staff.AddCenterDirector(CenterCases.CenterCode, People[Director] = Person(Director, CenterCases.CenterCode, CandidatePool.Core))
            .AddDirectorFieldOperations(People[Dfo] = Person(Dfo, null, CandidatePool.Core), CenterCases.CenterCode);
        Engine = new EngineHarness(services =>
        {
            services.AddSingleton<IStaffDirectory>(Staff);
            services.AddSingleton<ICenterCalendar>(new NewYorkCalendar());
            services.AddSingleton<IWorkflowCommitListener, CaseChangesApplied>();
            services.AddSingleton<IRecipientResolver, CenterRecipients>();
            services.AddSingleton<INoticeModelSchema>(new NoticeModelSchema(CenterCases.SamplesByKind()));
            services.AddNotices(WorkflowFiles.TemplatesFolder);
        });
    }

    public EngineHarness Engine { get; }
    public InMemoryStaffDirectory Staff { get; } = new();
    public Dictionary<string, StaffProfile> People { get; } = [];
    public FakeTimeProvider Clock => Engine.Clock;

    public static string Email(string user) => $"{user}@cbp.dhs.gov";

    /// <summary>Imports the definition file and starts it on a new case holding <paramref name="data"/>.</summary>
    public async Task<(Guid CaseId, Guid InstanceId)> StartAsync(string definitionId, JsonObject data)
    {
        await Engine.ImportAsync(await File.ReadAllTextAsync(WorkflowFiles.PathOf(definitionId)));
        var caseId = Guid.NewGuid();
        data["id"] = caseId.ToString();
        Engine.Cases.Data[caseId] = data;
        var instance = await Engine.Runtime(r => r.StartAsync(new StartWorkflow(
            definitionId, CorrelationId: data["reference"]?.ToString(), CaseId: caseId, CenterCode: CenterCases.CenterCode, Actor: "intake")));
        return (caseId, instance.Id);
    }

    public JsonObject Case(Guid caseId) => Engine.Cases.Data[caseId];

    public Task<WorkflowInstance> InstanceAsync(Guid instanceId) => Engine.InstanceAsync(instanceId);

    public async Task<List<HumanTask>> TasksAsync(Guid instanceId)
    {
        var everyone = new TaskViewer("auditor.of.tests", null, [], CandidatePool.Either, [CenterCases.CenterCode]);
        var page = await Engine.Store.Tasks.QueryAsync(
            new TaskQuery(everyone, TaskView.All, InstanceId: instanceId, Sort: TaskSort.Created, PageSize: 200), default);
        return [.. page.Items];
    }

    /// <summary>The one open task the instance has at <paramref name="activityId"/>; otherwise fails saying where the instance is.</summary>
    public async Task<HumanTask> OpenTaskAsync(Guid instanceId, string activityId)
    {
        var tasks = await TasksAsync(instanceId);
        var open = tasks.Where(t => t.ActivityId == activityId && t.IsOpen).ToList();
        if (open.Count == 1) return open[0];
        var instance = await InstanceAsync(instanceId);
        Assert.Fail($"Expected one open '{activityId}' task; the instance is {instance.Status} with tasks "
            + $"[{string.Join(", ", tasks.Select(t => $"{t.ActivityId}:{t.Status}"))}] and incidents "
            + $"[{string.Join("; ", instance.State.Incidents.Select(i => $"{i.ActivityId}: {i.Message}"))}].");
        throw new InvalidOperationException("unreachable");
    }

    public TaskActor Actor(string user)
    {
        var person = People[user];
        return new TaskActor(person.UserName, person.CenterCode, person.Positions, person.Pool, IsSupervisor: false,
            person.CenterCode is null ? [] : [person.CenterCode]);
    }

    /// <summary>Claims the task for <paramref name="user"/> when it waits in the queue, then completes it through the inbox rules.</summary>
    public Task<HumanTask> CompleteAsync(HumanTask task, string user, string outcome, JsonObject? data = null) =>
        Engine.Scoped(async sp =>
        {
            var tasks = sp.GetRequiredService<TaskService>();
            if (task.Assignee is null) await tasks.ClaimAsync(task.Id, Actor(user));
            return await tasks.CompleteAsync(task.Id, outcome, data ?? [], Actor(user));
        });

    public Task<WorkflowInstance> SignalAsync(Guid instanceId, string signal, string text) =>
        Engine.Runtime(r => r.SignalAsync(instanceId, signal,
            new JsonObject { ["text"] = text, ["from"] = CenterCases.FilerEmail, ["recordedBy"] = "phc.es1" }, "phc.es1"));

    /// <summary>Moves the clock to <paramref name="instant"/> and fires every timer due by then.</summary>
    public async Task<int> AdvanceToAsync(DateTimeOffset instant)
    {
        if (instant > Clock.GetUtcNow()) Clock.SetUtcNow(instant);
        return await Engine.FireDueTimersAsync();
    }

    public List<OutboxMessage> Notices(string template) => [.. Engine.Store.Outbox.Where(m => m.Template == template)];

    public async Task<List<string>> JournalAsync(Guid instanceId, string @event) =>
        [.. (await Engine.Store.GetJournalAsync(instanceId, default)).Where(j => j.Event == @event).Select(j => j.Message ?? "")];

    public ValueTask DisposeAsync() => Engine.DisposeAsync();

    private static StaffProfile Person(string user, string? center, CandidatePool pool, params string[] positions) =>
        new(user, user, Email(user), center, positions, pool, pool == CandidatePool.Matrix ? "1001" : null, OutOfOffice: false, Substitute: null);

    private sealed class NewYorkCalendar : ICenterCalendar
    {
        public TimeZoneInfo TimeZoneOf(string? centerCode) => CenterTimeZones.Find("America/New_York");
        public BusinessCalendar Calendar { get; } = new();
    }

    /// <summary>Writes each commit's case changes into the case it belongs to, as the server's case store does.</summary>
    private sealed class CaseChangesApplied(ICaseContextSource cases) : IWorkflowCommitListener
    {
        public Task OnCommittedAsync(WorkflowCommit commit, CancellationToken ct)
        {
            var data = ((TestCases)cases).Data;
            foreach (var update in commit.CaseUpdates)
                if (data.TryGetValue(update.CaseId, out var current))
                    foreach (var (field, value) in update.Changes) current[field] = value?.DeepClone();
            return Task.CompletedTask;
        }
    }

    /// <summary>The recipient roles as the server resolves them: the case's filer contacts and NAM, the directory's directors.</summary>
    private sealed class CenterRecipients : IRecipientResolver
    {
        public async Task<IReadOnlyList<string>> ResolveAsync(string role, ActivityContext context, CancellationToken ct)
        {
            var staff = context.Service<IStaffDirectory>();
            var center = context.Instance.CenterCode ?? "";
            var @case = context.Execution.Case;
            return RecipientRoles.Canonical(role) switch
            {
                RecipientRoles.Filer => @case?["filerEmails"] is JsonArray emails ? [.. emails.Select(e => e!.ToString())] : [],
                RecipientRoles.CenterDirector => EmailOf(await staff.CenterDirectorAsync(center, ct)),
                RecipientRoles.Dfo => EmailOf(await staff.DirectorFieldOperationsAsync(center, ct)),
                RecipientRoles.NationalAccountManager => EmailOf(await FindAsync(staff, @case?["nationalAccountManager"]?.ToString(), ct)),
                RecipientRoles.Assignee => EmailOf(await FindAsync(staff, context.Instance.State.LastOutcome?["completedBy"]?.ToString(), ct)),
                _ => [],
            };
        }

        private static async Task<StaffProfile?> FindAsync(IStaffDirectory staff, string? user, CancellationToken ct) =>
            user is null ? null : await staff.FindAsync(user, ct);

        private static IReadOnlyList<string> EmailOf(StaffProfile? person) => person is null ? [] : [person.Email];
    }
}
