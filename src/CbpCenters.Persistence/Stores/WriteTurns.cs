namespace CbpCenters.Persistence.Stores;

/// <summary>
/// Makes the service's writers take turns on SQLite. SQLite admits one writer at a time and its driver answers
/// contention by sleeping before it retries, which turns a few concurrent clicks into pauses of a second; queuing
/// in process instead keeps each write short. On PostgreSQL and SQL Server writers never wait here.
/// </summary>
public sealed class WriteTurns(bool serialize)
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        if (!serialize) return await write();
        await _turn.WaitAsync(ct);
        try
        {
            return await write();
        }
        finally
        {
            _turn.Release();
        }
    }

    public Task RunAsync(Func<Task> write, CancellationToken ct) => RunAsync(async () => { await write(); return true; }, ct);
}
