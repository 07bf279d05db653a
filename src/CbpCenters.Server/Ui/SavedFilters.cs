using CbpCenters.Persistence;
using CbpCenters.Persistence.Ui;
using CbpCenters.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Ui;

/// <summary>A person's named inbox filters, kept on the server so they follow them to any browser.</summary>
public sealed class SavedFilters(ScopedWork work, TimeProvider clock)
{
    public const int MaxPerPerson = 30;

    public Task<List<SavedFilter>> ListAsync(string userName, CancellationToken ct) =>
        work.RunAsync(sp => sp.GetRequiredService<CbpCentersDbContext>().SavedFilters.AsNoTracking()
            .Where(f => f.UserName == userName).OrderBy(f => f.Name).ToListAsync(ct));

    /// <summary>Saves the filter under a name, replacing the person's filter of that name.</summary>
    public Task<SavedFilter> SaveAsync(string userName, string name, InboxFilter filter) => work.RunAsync(async sp =>
    {
        name = name.Trim();
        if (name.Length is 0 or > 100) throw new TaskValidationException("name", "Give the filter a name of 1 to 100 characters.");
        var db = sp.GetRequiredService<CbpCentersDbContext>();
        var saved = await db.SavedFilters.FirstOrDefaultAsync(f => f.UserName == userName && f.Name == name);
        if (saved is null)
        {
            if (await db.SavedFilters.CountAsync(f => f.UserName == userName) >= MaxPerPerson)
                throw new TaskValidationException("name", $"You already keep {MaxPerPerson} filters; delete one first.");
            saved = new SavedFilter { Id = Guid.CreateVersion7(), UserName = userName, Name = name, CreatedAt = clock.GetUtcNow() };
            db.SavedFilters.Add(saved);
        }
        saved.Json = filter.ToJson();
        await db.SaveChangesAsync();
        return saved;
    });

    public Task DeleteAsync(string userName, Guid id) => work.RunAsync(async sp =>
        await sp.GetRequiredService<CbpCentersDbContext>().SavedFilters.Where(f => f.Id == id && f.UserName == userName).ExecuteDeleteAsync());
}
