namespace CbpCenters.Engine.Activities;

/// <summary>The activity types the engine can run, by type name.</summary>
public sealed class ActivityRegistry(IEnumerable<Activity> activities)
{
    private readonly Dictionary<string, Activity> _byType =
        activities.ToDictionary(a => a.Descriptor.Type, StringComparer.Ordinal);

    public IReadOnlyCollection<Activity> All => _byType.Values;

    public Activity? Find(string type) => _byType.GetValueOrDefault(type);

    public Activity Get(string type) =>
        Find(type) ?? throw new InvalidOperationException($"Unknown activity type '{type}'.");
}
