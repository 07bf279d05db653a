namespace CbpCenters.Engine.Expressions;

/// <summary>
/// The sandbox a supervisor's JavaScript runs in. A script that exceeds any limit faults its own instance
/// and nothing else: the limits are enforced inside the interpreter, on the calling thread.
/// </summary>
public sealed class ExpressionLimits
{
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(100);
    public int MaxStatements { get; set; } = 50_000;
    public long MaxMemoryBytes { get; set; } = 4_000_000;
    public int MaxRecursion { get; set; } = 64;
}
