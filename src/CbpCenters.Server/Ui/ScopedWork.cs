namespace CbpCenters.Server.Ui;

/// <summary>
/// Runs one piece of page work in its own DI scope, so with its own DbContext. A Blazor circuit lives for the
/// whole visit and a page can start two loads at once (a grid refresh while a claim is saving); sharing the
/// circuit's DbContext between them would fail, one scope per operation cannot.
/// </summary>
public sealed class ScopedWork(IServiceScopeFactory scopes)
{
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task RunAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }
}
