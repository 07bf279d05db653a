namespace CbpCenters.Server.Hosting;

/// <summary>
/// The service's clock. With <c>Clock:AllowTimeTravel=true</c> an administrator can move it forward to rehearse
/// deadlines; it never moves backwards, so a timer that fired can never become "not yet due" again.
/// </summary>
public sealed class ServiceClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
