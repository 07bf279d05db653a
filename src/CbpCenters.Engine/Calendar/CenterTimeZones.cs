namespace CbpCenters.Engine.Calendar;

/// <summary>
/// Resolves the IANA time zone ids that Centers and workflow definitions use (for example
/// "America/New_York"). IANA ids resolve on Linux and, through ICU, on Windows.
/// </summary>
public static class CenterTimeZones
{
    /// <summary>The zone with IANA id <paramref name="ianaId"/>.</summary>
    /// <exception cref="TimeZoneNotFoundException">The id is not a time zone known to this machine.</exception>
    public static TimeZoneInfo Find(string ianaId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ianaId);

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ianaId.Trim());
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new TimeZoneNotFoundException(
                $"'{ianaId}' is not a known time zone: expected an IANA id like America/New_York", e);
        }
        catch (InvalidTimeZoneException e)
        {
            throw new TimeZoneNotFoundException(
                $"'{ianaId}' names a time zone whose data on this machine is corrupt", e);
        }
    }
}
