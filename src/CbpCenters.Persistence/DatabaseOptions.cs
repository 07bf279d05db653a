namespace CbpCenters.Persistence;

public enum DatabaseProvider { Sqlite, PostgreSql, SqlServer }

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Defaults to a SQLite file under <c>data/</c>, created on first start.</summary>
    public string? ConnectionString { get; set; }

    public string EffectiveConnectionString => ConnectionString ?? Provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=data/cbpcenters.db",
        _ => throw new InvalidOperationException($"Database:ConnectionString is required for {Provider}."),
    };
}
