using System.Text.Json.Nodes;
using CbpCenters.Engine.Definitions;

namespace CbpCenters.Engine.Runtime;

/// <summary>The state of one run: the instance, its open bookmarks, the work queue and the commit being built.</summary>
public sealed class WorkflowExecution
{
    private readonly LinkedList<WorkItem> _queue = new();

    internal WorkflowExecution(
        WorkflowInstance instance, WorkflowGraph graph, IEnumerable<Bookmark> openBookmarks, bool isNew,
        string actor, IServiceProvider services, TimeProvider clock, JsonObject? caseData)
    {
        Instance = instance;
        Graph = graph;
        OpenBookmarks = [.. openBookmarks];
        Commit = new WorkflowCommit(instance, isNew);
        Actor = actor;
        Services = services;
        Clock = clock;
        Case = caseData;
    }

    public WorkflowInstance Instance { get; }
    public WorkflowGraph Graph { get; }
    public WorkflowCommit Commit { get; }
    public List<Bookmark> OpenBookmarks { get; }
    public string Actor { get; }
    public IServiceProvider Services { get; }
    public TimeProvider Clock { get; }
    public JsonObject? Case { get; }
    public DateTimeOffset Now => Clock.GetUtcNow();

    internal bool HasWork => _queue.Count > 0;

    internal void Enqueue(WorkItem item) => _queue.AddLast(item);

    internal WorkItem Dequeue()
    {
        var item = _queue.First!.Value;
        _queue.RemoveFirst();
        return item;
    }

    internal List<WorkItem> DrainQueue()
    {
        var items = _queue.ToList();
        _queue.Clear();
        return items;
    }

    internal void RemoveQueued(Func<WorkItem, bool> predicate)
    {
        for (var node = _queue.First; node is not null;)
        {
            var next = node.Next;
            if (predicate(node.Value)) _queue.Remove(node);
            node = next;
        }
    }

    public void Journal(string @event, string? activityId = null, string? activityType = null,
        string? outcome = null, string? message = null, JsonObject? data = null, string? actor = null) =>
        Commit.Journal.Add(new JournalEntry
        {
            InstanceId = Instance.Id,
            Sequence = ++Instance.State.JournalSequence,
            At = Now,
            Event = @event,
            ActivityId = activityId,
            ActivityType = activityType,
            Outcome = outcome,
            Actor = actor ?? Actor,
            Message = message,
            Data = data,
        });

    /// <summary>
    /// Marks a bookmark consumed or cancelled: a persisted one is deleted by the commit (and the commit fails if
    /// someone deleted it first), a new one is never written. A retry that replays a resume whose first run
    /// faulted finds the bookmark already consumed by that run, and deletes nothing.
    /// </summary>
    internal void RemoveBookmark(Bookmark bookmark)
    {
        var wasOpen = OpenBookmarks.RemoveAll(b => b.Id == bookmark.Id) > 0;
        if (Commit.NewBookmarks.RemoveAll(b => b.Id == bookmark.Id) == 0 && wasOpen)
            Commit.RemovedBookmarks.Add(bookmark);
    }

    internal void AddBookmark(Bookmark bookmark)
    {
        OpenBookmarks.Add(bookmark);
        Commit.NewBookmarks.Add(bookmark);
    }

    /// <summary>The date at the instance's Center now (yyyy-MM-dd): dates of law count from the Center's day, not UTC's.</summary>
    private string Today()
    {
        var zone = (Services.GetService(typeof(ICenterCalendar)) as ICenterCalendar)?.TimeZoneOf(Instance.CenterCode) ?? TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime).ToString("yyyy-MM-dd");
    }

    /// <summary>The values expressions and templates see.</summary>
    public Dictionary<string, JsonNode?> Scope()
    {
        var outputs = new JsonObject();
        foreach (var (id, output) in Instance.State.Outputs) outputs[id] = output.DeepClone();
        return new Dictionary<string, JsonNode?>
        {
            ["input"] = Instance.Input.DeepClone(),
            ["variables"] = Instance.Variables.DeepClone(),
            ["case"] = Case?.DeepClone(),
            ["outcome"] = Instance.State.LastOutcome?.DeepClone(),
            ["outputs"] = outputs,
            ["instance"] = new JsonObject
            {
                ["id"] = Instance.Id.ToString(),
                ["definitionId"] = Instance.DefinitionId,
                ["correlationId"] = Instance.CorrelationId,
                ["centerCode"] = Instance.CenterCode,
                ["createdAt"] = Instance.CreatedAt.ToString("O"),
            },
            ["now"] = Now.ToString("O"),
            ["today"] = Today(),
        };
    }
}
