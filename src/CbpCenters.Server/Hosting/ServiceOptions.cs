namespace CbpCenters.Server.Hosting;

/// <summary>The <c>Workflows</c> section: where definition files and email templates are read from.</summary>
public sealed class WorkflowFilesOptions
{
    public string? Folder { get; set; }

    /// <summary>The configured folder, else the nearest <c>workflows/</c> above the working or content directory.</summary>
    public string ResolveFolder(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(Folder)) return Path.GetFullPath(Folder);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), contentRoot, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, "workflows")))
                    return Path.Combine(dir.FullName, "workflows");
        return Path.Combine(Directory.GetCurrentDirectory(), "workflows");
    }
}

/// <summary>The <c>Jobs</c> section.</summary>
public sealed class JobOptions
{
    /// <summary>Whether this node processes Hangfire jobs (every node does by default).</summary>
    public bool RunServer { get; set; } = true;
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);
    /// <summary>How often the sweeper looks for due timers that have no job (cron).</summary>
    public string SweepCron { get; set; } = "* * * * *";
    /// <summary>
    /// On PostgreSQL, how long a lock or a fetched job of a node that died stays with it before another node
    /// takes it over (at least 5 seconds). Well beyond any one pass of Hangfire's schedulers, which never renew
    /// their locks; it bounds how late timers run after a crash, minutes against deadlines of days.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan ShortestLockTimeout = TimeSpan.FromSeconds(5);
}

/// <summary>The <c>Seed</c> section.</summary>
public sealed class SeedOptions
{
    /// <summary>Creates the demo staff listed in the README on first start.</summary>
    public bool DemoUsers { get; set; } = true;
    public string DemoPassword { get; set; } = "Demo!2026";
    /// <summary>Opens a dozen demo cases at different stages on a start with no cases.</summary>
    public bool SampleCases { get; set; }
}
