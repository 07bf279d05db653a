namespace CbpCenters.Engine.Tasks;

/// <summary>Who receives a new task, and why; <see cref="Assignee"/> null leaves it in the Center's queue.</summary>
public sealed record AssignmentDecision(string? Assignee, string Reason);

/// <summary>
/// Chooses who receives a new task. The rules, in order:
/// <list type="number">
/// <item>A named assignee receives it, unless excluded (four-eyes) or unknown; when out of office, their
/// substitute receives it; without a usable substitute it waits unassigned.</item>
/// <item>Otherwise the strategy chooses among the eligible staff (<see cref="TaskVisibility.IsEligible"/>: the
/// Center's staff holding a candidate position in the task's pool, plus the named candidate users). Staff out of
/// office are skipped; their substitute stands in for them. <c>claim</c> leaves the task in the queue;
/// <c>round-robin</c> gives it to the next person after the last one who received this step's task at this Center,
/// in user-name order; <c>least-loaded</c> to whoever has the fewest open tasks, ties by user name.</item>
/// </list>
/// A substitute receives a task only when they are in the directory, in the office themselves (substitution does
/// not chain), not excluded, and in the task's pool: a stand-in may hold another position, but never carries a
/// matrix task to core staff or the reverse. A named assignee or stand-in who is not otherwise eligible is added
/// to the task's candidate users, so they can work and release it like anyone else.
/// </summary>
public sealed class TaskAssignment(IStaffDirectory staff, ITaskStore tasks)
{
    /// <summary>Decides for a task being created; <paramref name="task"/> carries its Center, candidates and strategy.</summary>
    public async Task<AssignmentDecision> ChooseAsync(HumanTask task, string? namedAssignee, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(namedAssignee))
            return await NamedAsync(task, namedAssignee.Trim(), ct);
        if (task.Strategy == AssignmentStrategies.Claim)
            return new(null, $"waiting in the {task.CenterCode} queue to be claimed");

        var recipients = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var person in await EligibleAsync(task, ct))
        {
            if (!person.OutOfOffice) recipients[person.UserName] = null;
            else if (await StandInAsync(task, person, ct) is { } standIn) recipients.TryAdd(standIn.UserName, person.UserName);
        }
        if (recipients.Count == 0)
            return new(null, $"nobody eligible at {task.CenterCode} is in the office; waiting in the queue");

        var names = recipients.Keys.ToList();
        var chosen = task.Strategy == AssignmentStrategies.RoundRobin
            ? await NextInTurnAsync(task, names, ct)
            : await LeastLoadedAsync(names, ct);
        var standingInFor = recipients[chosen];
        return new(chosen, standingInFor is null ? task.Strategy : $"{task.Strategy}, standing in for {standingInFor} (out of office)");
    }

    /// <summary>Applies a decision to the task being created.</summary>
    public static void Apply(HumanTask task, AssignmentDecision decision, StaffProfile? assignee)
    {
        task.Assignee = decision.Assignee;
        task.Status = decision.Assignee is null ? HumanTaskStatus.Unassigned : HumanTaskStatus.Assigned;
        if (assignee is not null && !TaskVisibility.IsEligible(task, assignee.AsViewer()) && !task.CandidateUsers.Contains(assignee.UserName))
            task.CandidateUsers.Add(assignee.UserName);
    }

    private async Task<AssignmentDecision> NamedAsync(HumanTask task, string userName, CancellationToken ct)
    {
        var person = await staff.FindAsync(userName, ct);
        if (person is null)
            return new(null, $"the named assignee {userName} is not in the staff directory; waiting in the queue");
        if (task.ExcludedUsers.Contains(userName))
            return new(null, $"the named assignee {userName} is excluded from this task (four-eyes); waiting in the queue");
        if (!person.OutOfOffice)
            return new(userName, "named in the definition");
        return await StandInAsync(task, person, ct) is { } standIn
            ? new(standIn.UserName, $"standing in for {userName} (out of office)")
            : new(null, $"the named assignee {userName} is out of office without a substitute; waiting in the queue");
    }

    private async Task<List<StaffProfile>> EligibleAsync(HumanTask task, CancellationToken ct)
    {
        var eligible = new Dictionary<string, StaffProfile>(StringComparer.Ordinal);
        foreach (var person in await staff.InCenterAsync(task.CenterCode, ct))
            if (TaskVisibility.IsEligible(task, person.AsViewer())) eligible.TryAdd(person.UserName, person);
        foreach (var userName in task.CandidateUsers.Where(u => !eligible.ContainsKey(u)))
            if (await staff.FindAsync(userName, ct) is { } person && TaskVisibility.IsEligible(task, person.AsViewer()))
                eligible.TryAdd(userName, person);
        return [.. eligible.Values];
    }

    private async Task<StaffProfile?> StandInAsync(HumanTask task, StaffProfile absent, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(absent.Substitute)) return null;
        var standIn = await staff.FindAsync(absent.Substitute, ct);
        return standIn is { OutOfOffice: false }
            && !task.ExcludedUsers.Contains(standIn.UserName)
            && (task.Pool == CandidatePool.Either || task.Pool == standIn.Pool)
            ? standIn : null;
    }

    private async Task<string> NextInTurnAsync(HumanTask task, List<string> names, CancellationToken ct)
    {
        var last = await tasks.LastAssigneeAsync(task.DefinitionId, task.ActivityId, task.CenterCode, ct);
        return last is null ? names[0] : names.FirstOrDefault(n => string.CompareOrdinal(n, last) > 0) ?? names[0];
    }

    private async Task<string> LeastLoadedAsync(List<string> names, CancellationToken ct)
    {
        var open = await tasks.CountOpenByAssigneeAsync(names, ct);
        return names.MinBy(n => open.GetValueOrDefault(n))!;
    }
}
