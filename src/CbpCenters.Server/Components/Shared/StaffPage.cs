using CbpCenters.Server.Ui;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CbpCenters.Server.Components.Shared;

/// <summary>A page used by signed-in staff: who they are, and actions whose refusals are shown in words.</summary>
public abstract class StaffPage : ComponentBase
{
    [Inject] protected StaffSession Session { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected ILoggerFactory Loggers { get; set; } = default!;

    /// <summary>True while an action runs, to show progress and keep its button from being pressed twice.</summary>
    protected bool Busy { get; private set; }

    /// <summary>
    /// Runs an action. A refusal by the service (not allowed, already taken, invalid) is shown as its own sentence;
    /// anything else is logged and shown as a fault of the service. Returns whether it succeeded.
    /// </summary>
    protected async Task<bool> TryAsync(Func<Task> action, string? done = null)
    {
        Busy = true;
        try
        {
            await action();
            if (done is not null) Snackbar.Add(done, Severity.Success);
            return true;
        }
        catch (Exception ex) when (PlainWords.Explain(ex) is { } words)
        {
            Snackbar.Add(words, Severity.Warning);
            return false;
        }
        catch (Exception ex)
        {
            Loggers.CreateLogger(GetType()).LogError(ex, "A page action failed");
            Snackbar.Add(PlainWords.Unexpected, Severity.Error);
            return false;
        }
        finally
        {
            Busy = false;
        }
    }
}
