using System.Diagnostics;
using System.Globalization;
using HccOrleans.Bench.Measure;

namespace HccOrleans.Bench.Suite;

/// <summary>
/// The load process of the upload run: N scans of a given size through <c>POST /api/files</c> from concurrent callers;
/// prints MiB per second and the client's CPU.
///   HccOrleans.Bench upload-load &lt;base URL&gt; &lt;files&gt; &lt;MiB each&gt; &lt;callers&gt;
/// </summary>
internal static class UploadLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var silo = new Uri(args[1]);
        var files = int.Parse(args[2], CultureInfo.InvariantCulture);
        var bytes = long.Parse(args[3], CultureInfo.InvariantCulture) << 20;
        var callers = int.Parse(args[4], CultureInfo.InvariantCulture);
        using var http = new HttpClient { BaseAddress = silo, Timeout = TimeSpan.FromMinutes(5) };
        var token = await HttpLoad.TokenAsync(http, "bench.officer", "officer", Workload.Unit);

        // Warm-up (JIT on both sides, connections), not counted.
        await Parallel.ForEachAsync(Enumerable.Range(0, callers), async (i, cancellation) => await ScanFiles.UploadAsync(http, token, 1 << 20, -1 - i, cancellation));

        var cpu = ProcessCpu.Start();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, files), new ParallelOptions { MaxDegreeOfParallelism = callers },
            async (i, cancellation) => await ScanFiles.UploadAsync(http, token, bytes, i, cancellation));
        var seconds = clock.Elapsed.TotalSeconds;
        var mebibytes = files * (double)bytes / (1 << 20);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"result files={files} seconds={seconds:F3} rate={mebibytes / seconds:F1} client_cpu_ms={cpu.Spent.TotalMilliseconds:F0}"));
        return 0;
    }
}
