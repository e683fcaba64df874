using System.Diagnostics;

namespace HccOrleans.Bench.Measure;

/// <summary>The CPU time this whole process has spent since it was started: the silo's with its callers, or a load's.</summary>
internal readonly struct ProcessCpu
{
    private readonly TimeSpan _startedAt;

    private ProcessCpu(TimeSpan startedAt) => _startedAt = startedAt;

    public static ProcessCpu Start() => new(Total());

    public TimeSpan Spent => Total() - _startedAt;

    private static TimeSpan Total()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
