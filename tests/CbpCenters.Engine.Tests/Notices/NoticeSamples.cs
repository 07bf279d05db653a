using System.Text.Json;
using System.Text.Json.Nodes;
using CbpCenters.Engine.Calendar;
using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace CbpCenters.Engine.Tests.Notices;

/// <summary>
/// The repository's templates and realistic models to render them over: one sample case per case kind, with
/// every field <c>workflows/templates/README.md</c> lists for it, and a task as the engine serializes it.
/// </summary>
internal static class NoticeSamples
{
    /// <summary>Monday March 2, 2026, 9:00 AM in New York.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    public static string TemplatesFolder { get; } = FindTemplatesFolder();

    public static NoticeTemplates Templates { get; } = NoticeTemplates.Load(TemplatesFolder);

    public static TemplateNoticeComposer Composer(NoticeTemplates? templates = null) =>
        new(templates ?? Templates, new NewYorkCalendar(), new FakeTimeProvider(Now));

    public static readonly NoticeRecipients Filer = new(["broker@harborcustoms.example"]);

    public static Dictionary<string, JsonNode?> Model(JsonObject? @case = null, JsonObject? variables = null, JsonObject? task = null)
    {
        var model = new Dictionary<string, JsonNode?>
        {
            ["input"] = new JsonObject(),
            ["variables"] = variables ?? [],
            ["case"] = @case,
            ["outcome"] = null,
            ["outputs"] = new JsonObject(),
            ["instance"] = new JsonObject
            {
                ["id"] = "0195a3c0-0000-7000-8000-000000000001",
                ["definitionId"] = "protest-review",
                ["correlationId"] = null,
                ["centerCode"] = "EL",
                ["createdAt"] = Now.ToString("O"),
            },
            ["now"] = Now.ToString("O"),
        };
        if (task is not null) model["task"] = task;
        return model;
    }

    private static JsonObject Common(string reference) => new()
    {
        ["reference"] = reference,
        ["importerName"] = "Pacific Coast Electronics Inc.",
        ["importerNumber"] = "95-1234567AB",
        ["filerName"] = "Harbor Customs Brokerage LLC",
        ["centerName"] = "Electronics",
    };

    private static JsonObject With(this JsonObject obj, params (string Name, JsonNode? Value)[] fields)
    {
        foreach (var (name, value) in fields) obj[name] = value;
        return obj;
    }

    private static JsonArray Entries() => ["ABC-1234567-6", "999-9999999-0"];

    public static JsonObject Protest() => Common("2704-24-100123").With(
        ("protestNumber", "2704-24-100123"), ("filedOn", "2026-03-02"), ("portCode", "2704"), ("entryNumbers", Entries()),
        ("decisionLimit", "2028-03-02"), ("acceleratedDispositionRequestedOn", "2026-03-10"),
        ("acceleratedDispositionDeadline", "2026-04-09"), ("courtDeadline", "2026-10-06"));

    public static JsonObject Psc() => Common("PSC-ABC-1234567-6").With(
        ("entryNumber", "ABC-1234567-6"), ("entryDate", "2025-06-13"), ("filedOn", "2026-02-20"), ("liquidationDate", "2026-04-24"));

    public static JsonObject EntrySummary() => Common("ES-ABC-1234567-6").With(
        ("entryNumber", "ABC-1234567-6"), ("entryDate", "2025-06-13"), ("liquidationDate", "2026-04-24"),
        ("extendedLiquidationDate", "2027-04-23"), ("extensionCount", 1));

    public static JsonObject PriorDisclosure() => Common("PD-2026-0042").With(
        ("filedOn", "2026-02-27"), ("entryNumbers", Entries()), ("writtenConfirmationDue", "2026-03-09"),
        ("lossOfDuties", 12345.67m), ("tenderDue", "2026-04-01"));

    public static JsonObject Inquiry() => Common("INQ-2026-0107").With(
        ("subject", "classification of USB-C docking stations"), ("receivedOn", "2026-02-17"));

    /// <summary>Each case kind's sample, as a host would supply them to <see cref="NoticeModelSchema"/>.</summary>
    public static Dictionary<string, JsonObject> CaseSamples() => new()
    {
        ["protest"] = Protest(),
        ["psc"] = Psc(),
        ["entry-summary"] = EntrySummary(),
        ["prior-disclosure"] = PriorDisclosure(),
        ["inquiry"] = Inquiry(),
    };

    public static JsonObject Task() => JsonSerializer.SerializeToNode(new HumanTask
    {
        Id = Guid.CreateVersion7(),
        Title = "Review protest 2704-24-100123",
        ProcessName = "Protest review",
        CaseReference = "2704-24-100123",
        ImporterName = "Pacific Coast Electronics Inc.",
        CenterCode = "EL",
        CandidateRoles = ["ImportSpecialist"],
        Assignee = "maria.lopez",
        CreatedAt = Now,
        DueAt = new DateTimeOffset(2026, 3, 31, 3, 30, 0, TimeSpan.Zero),
        Status = HumanTaskStatus.Assigned,
    }, JsonSerializerOptions.Web)!.AsObject();

    private static string FindTemplatesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CbpCenters.sln")))
                return Path.Combine(dir.FullName, "workflows", "templates");
        throw new DirectoryNotFoundException("CbpCenters.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class NewYorkCalendar : ICenterCalendar
    {
        public TimeZoneInfo TimeZoneOf(string? centerCode) => CenterTimeZones.Find("America/New_York");
        public BusinessCalendar Calendar { get; } = new();
    }
}
