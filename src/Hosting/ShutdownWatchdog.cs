using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace HccOrleans.Hosting;

/// <summary>
/// Keeps a stop within <see cref="ShutdownOptions.Bound"/>. The host cancels the services' stops at the graceful part
/// of the bound; an Orleans silo that cannot reach its membership table still goes on retrying its goodbye for a
/// minute or more, so a second before the bound this ends the process at once, with one line saying so.
/// </summary>
public sealed partial class ShutdownWatchdog(IHostApplicationLifetime lifetime, IOptions<ShutdownOptions> options, ILogger<ShutdownWatchdog> logger) : IHostedService
{
    /// <summary>The exit code of a process the watchdog ended: the stop was asked for but did not finish.</summary>
    public const int ForcedExitCode = 3;

    private readonly ManualResetEventSlim _stopped = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(Watch);
        lifetime.ApplicationStopped.Register(_stopped.Set);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Watch()
    {
        // A thread of its own: the thread pool may be the very thing a stuck stop has exhausted.
        var (bound, forced) = (options.Value.Bound, options.Value.Forced);
        var thread = new Thread(() =>
        {
            if (!_stopped.Wait(forced))
            {
                LogForced(logger, forced.TotalSeconds, bound.TotalSeconds);
                // The console logger writes from a queue of its own: give it a moment to print the line above.
                Thread.Sleep(TimeSpan.FromMilliseconds(200));
                ExitNow(ForcedExitCode);
            }
        })
        { IsBackground = true, Name = "hcc-shutdown-watchdog" };
        thread.Start();
    }

    /// <summary>
    /// Ends the process without running exit handlers: <see cref="Environment.Exit(int)"/> would wait for the very host
    /// that is stuck (the console lifetime's exit handler waits for it).
    /// </summary>
    private static void ExitNow(int code)
    {
        if (OperatingSystem.IsWindows())
        {
            Environment.FailFast($"The stop did not finish within its bound (exit {code}).");
        }

        NativeMethods.Exit(code);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stop has run {Seconds:F0} s of its {BoundSeconds:F0} s bound; exiting now")]
    private static partial void LogForced(ILogger logger, double seconds, double boundSeconds);

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "_exit")]
        public static extern void Exit(int status);
    }
}
