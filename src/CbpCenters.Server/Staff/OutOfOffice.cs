using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tasks;
using CbpCenters.Persistence.Identity;
using Microsoft.AspNetCore.Identity;

namespace CbpCenters.Server.Staff;

/// <summary>What setting someone's out-of-office did: the account as saved, and how many held tasks moved.</summary>
public sealed record OutOfOfficeResult(StaffUser User, int TasksHandedOver);

/// <summary>
/// Marks a person out of office or back, by themselves, a supervisor of their Center or an administrator; the same
/// rule for the API and the web pages. New tasks skip them for their substitute (a colleague of the same Center). With
/// <c>handOver</c>, the open tasks they hold move to the substitute as well, each one the substitute may work.
/// </summary>
public sealed class OutOfOffice(UserManager<StaffUser> users, TaskService tasks)
{
    public async Task<OutOfOfficeResult> SetAsync(TaskActor actor, bool isAdmin, string userName, bool away, string? substitute, bool handOver, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName) ?? throw new WorkflowNotFoundException($"{userName} is not a staff account.");
        var supervises = actor.IsSupervisor && user.CenterCode is { } center && actor.VisibleCenters.Contains(center);
        if (user.UserName != actor.UserName && !supervises && !isAdmin)
            throw new TaskForbiddenException($"Only {userName} or a supervisor of their Center can set their out-of-office.");
        substitute = string.IsNullOrWhiteSpace(substitute) ? null : substitute.Trim();
        if (substitute is not null)
        {
            if (string.Equals(substitute, user.UserName, StringComparison.OrdinalIgnoreCase))
                throw new WorkflowInputException("substitute", "A person cannot be their own substitute.");
            var sub = await users.FindByNameAsync(substitute);
            if (sub is not { Active: true }) throw new WorkflowInputException("substitute", $"{substitute} is not an active staff account.");
            if (sub.CenterCode != user.CenterCode)
                throw new WorkflowInputException("substitute", $"{substitute} works for {sub.CenterCode ?? "no Center"}, not {user.CenterCode}.");
            substitute = sub.UserName;
        }
        if (handOver && !(away && substitute is not null))
            throw new WorkflowInputException("handOverHeldTasks", "Held tasks are handed to a substitute: mark the person out of office and name one.");

        user.OutOfOffice = away;
        user.Substitute = substitute;
        var saved = await users.UpdateAsync(user);
        if (saved.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            throw new WorkflowConflictException($"Someone else changed {userName}'s out-of-office at the same moment; reload and try again.");
        if (!saved.Succeeded) throw new WorkflowInputException("userName", string.Join(" ", saved.Errors.Select(e => e.Description)));
        var moved = handOver ? await tasks.HandOverAsync(user.UserName!, substitute!, actor, ct) : 0;
        return new(user, moved);
    }
}
