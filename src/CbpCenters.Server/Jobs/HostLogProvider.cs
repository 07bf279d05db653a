using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace CbpCenters.Server.Jobs;

/// <summary>
/// Hangfire's log provider is one per process, set by whichever host configured Hangfire last. When that host
/// has stopped, its logger factory is disposed; Hangfire components created afterwards in another host then log
/// nowhere instead of failing to start.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _host = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _host.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string> messageFunc, Exception exception) => false;
    }
}
