using System.Text.Json;
using System.Text.Json.Serialization;
using CbpCenters.Engine.Tasks;

namespace CbpCenters.Server.Ui;

/// <summary>
/// What the inbox shows: a view (mine, unassigned, my Center, overdue, completed by me), filters and a sort.
/// Saved filters keep it as JSON; due dates are whole days on the viewer's Center calendar.
/// </summary>
public sealed record InboxFilter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public TaskView View { get; init; } = TaskView.Mine;
    public string? DefinitionId { get; init; }
    public int? MinPriority { get; init; }
    public DateOnly? DueFrom { get; init; }
    public DateOnly? DueTo { get; init; }
    public string? CaseReference { get; init; }
    public string? Importer { get; init; }
    public TaskSort Sort { get; init; } = TaskSort.Due;
    public bool Descending { get; init; }

    public static readonly IReadOnlyList<(TaskView View, string Label)> Views =
    [
        (TaskView.Mine, "Mine"), (TaskView.Unassigned, "Unassigned"), (TaskView.Center, "My Center"),
        (TaskView.Overdue, "Overdue"), (TaskView.CompletedByMe, "Completed by me"),
    ];

    public static readonly IReadOnlyList<(int Value, string Label)> Priorities = [(80, "High (80 and over)"), (50, "Normal and high (50 and over)")];

    public bool HasFilters => DefinitionId is not null || MinPriority is not null || DueFrom is not null || DueTo is not null
        || !string.IsNullOrWhiteSpace(CaseReference) || !string.IsNullOrWhiteSpace(Importer);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static InboxFilter FromJson(string json) => JsonSerializer.Deserialize<InboxFilter>(json, Json) ?? new();

    public TaskQuery ToQuery(TaskViewer viewer, TimeZoneInfo zone, int page, int pageSize, DateTimeOffset now) => new(
        viewer, View, DefinitionId, MinPriority,
        DueFrom is { } from ? StartOf(from, zone) : null,
        DueTo is { } to ? StartOf(to.AddDays(1), zone).AddTicks(-1) : null,
        Blank(CaseReference), Blank(Importer), Sort: Sort, Descending: Descending, Page: page, PageSize: pageSize, Now: now);

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
