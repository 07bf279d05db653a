namespace CbpCenters.Benchmarks;

public sealed record BenchOptions(string Database, string? Connection, int Instances, int Concurrency, int Tasks)
{
    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new(Value("--database", "sqlite"), Value("--connection", "") is { Length: > 0 } c ? c : null,
            int.Parse(Value("--instances", "2000")), int.Parse(Value("--concurrency", "4")), int.Parse(Value("--tasks", "10000")));
    }
}

/// <summary>One measured operation: how many, how long in total, and the latency of each.</summary>
public sealed record Measurement(string Operation, int Count, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs)
{
    public string Row()
    {
        var sorted = LatenciesMs.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return $"| {Operation} | {Count} | {Count / Elapsed.TotalSeconds:F0} | {P(0.50):F1} | {P(0.95):F1} | {P(0.99):F1} |";
    }
}
