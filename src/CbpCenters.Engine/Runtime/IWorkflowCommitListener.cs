namespace CbpCenters.Engine.Runtime;

/// <summary>
/// Told about each commit after it is durable (to schedule timers, wake the mail dispatcher). A listener that
/// fails loses nothing: the database holds the truth and the sweepers pick it up.
/// </summary>
public interface IWorkflowCommitListener
{
    Task OnCommittedAsync(WorkflowCommit commit, CancellationToken ct);
}
