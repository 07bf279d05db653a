namespace CbpCenters.Engine.Tasks;

/// <summary>A staff directory in process memory, for engine tests and benchmarks.</summary>
public sealed class InMemoryStaffDirectory : IStaffDirectory
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, StaffProfile> _staff = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _directors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fieldOperations = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces a staff member (replacing is how a test sets someone out of office).</summary>
    public InMemoryStaffDirectory Add(StaffProfile profile)
    {
        lock (_lock) _staff[profile.UserName] = profile;
        return this;
    }

    public InMemoryStaffDirectory AddCenterDirector(string centerCode, StaffProfile director)
    {
        lock (_lock)
        {
            _staff[director.UserName] = director;
            _directors[centerCode] = director.UserName;
        }
        return this;
    }

    /// <summary>A DFO oversees several Centers.</summary>
    public InMemoryStaffDirectory AddDirectorFieldOperations(StaffProfile director, params string[] centerCodes)
    {
        lock (_lock)
        {
            _staff[director.UserName] = director;
            foreach (var center in centerCodes) _fieldOperations[center] = director.UserName;
        }
        return this;
    }

    public Task<StaffProfile?> FindAsync(string userName, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult(_staff.GetValueOrDefault(userName));
    }

    public Task<IReadOnlyList<StaffProfile>> InCenterAsync(string centerCode, CancellationToken ct)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<StaffProfile>>([.. _staff.Values.Where(s => s.CenterCode == centerCode).OrderBy(s => s.UserName, StringComparer.Ordinal)]);
    }

    public Task<StaffProfile?> CenterDirectorAsync(string centerCode, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult(_directors.TryGetValue(centerCode, out var user) ? _staff.GetValueOrDefault(user) : null);
    }

    public Task<StaffProfile?> DirectorFieldOperationsAsync(string centerCode, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult(_fieldOperations.TryGetValue(centerCode, out var user) ? _staff.GetValueOrDefault(user) : null);
    }
}
