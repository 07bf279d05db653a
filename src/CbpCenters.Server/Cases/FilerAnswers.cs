using System.Text.Json.Nodes;
using CbpCenters.Domain.Cases;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Cases;

namespace CbpCenters.Server.Cases;

/// <summary>
/// A filer's answers to the Center (a CBP Form 28 answer, a written confirmation, a tender), recorded from the
/// API or the case page: the answer resumes what the case waits for and is kept with the case.
/// </summary>
public sealed class FilerAnswers(CbpCentersDbContext db, IWorkflowStore workflows, WorkflowRuntime runtime, TimeProvider clock)
{
    /// <summary>The signals the case's workflow waits for now (e.g. filer-response, tender-received).</summary>
    public async Task<IReadOnlyList<string>> AwaitedAsync(CaseRecord record, CancellationToken ct) =>
        record.InstanceId is { } instanceId
            ? [.. (await workflows.GetBookmarksAsync(instanceId, ct)).Where(b => b.Kind == BookmarkKinds.Signal).Select(b => b.Name!).Distinct()]
            : [];

    /// <summary>Without a signal named, the answer goes to the one thing the case waits for; otherwise the refusal says what it waits for.</summary>
    public async Task RecordAsync(CaseRecord record, string? text, string? from, string? signal, string actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new WorkflowInputException("text", "text is required: what the filer answered.");
        var answer = Filing.Required(text, "text");
        var sender = Filing.OptionalEmail(from, "from");
        var awaited = await AwaitedAsync(record, ct);
        if (record.InstanceId is not { } instanceId || awaited.Count == 0)
            throw new WorkflowConflictException($"Case {record.Reference} is not waiting for an answer from the filer now (status: {record.Status}).");
        var chosen = string.IsNullOrWhiteSpace(signal) ? null : signal.Trim();
        if (chosen is null && awaited.Count > 1)
            throw new WorkflowInputException("signal", $"Case {record.Reference} waits for several answers; name one: {string.Join(", ", awaited)}.");
        chosen ??= awaited[0];
        if (!awaited.Contains(chosen))
            throw new WorkflowConflictException($"Case {record.Reference} is not waiting for '{chosen}'; it waits for {string.Join(", ", awaited)}.");
        await runtime.SignalAsync(instanceId, chosen, new JsonObject { ["text"] = answer, ["from"] = sender, ["recordedBy"] = actor }, actor, ct);
        db.FilerResponses.Add(new FilerResponse { CaseId = record.Id, ReceivedAt = clock.GetUtcNow(), RecordedBy = actor, From = sender, Text = answer, Signal = chosen });
        await db.SaveChangesAsync(ct);
    }
}
