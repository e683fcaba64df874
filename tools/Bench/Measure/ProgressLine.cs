using System.Diagnostics;

namespace HccOrleans.Bench.Measure;

/// <summary>Prints "label: done/total (rate/s)" every few seconds while a long run counts its work.</summary>
internal sealed class ProgressLine : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(3);
    private readonly string _label;
    private readonly long _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _printer;
    private long _done;

    public ProgressLine(string label, long total)
    {
        _label = label;
        _total = total;
        _printer = PrintAsync();
    }

    public void Add(long count = 1) => Interlocked.Add(ref _done, count);

    public void Set(long done) => Interlocked.Exchange(ref _done, done);

    private async Task PrintAsync()
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var done = Interlocked.Read(ref _done);
                Console.Error.WriteLine($"  {_label}: {done:N0}/{_total:N0} ({done / _clock.Elapsed.TotalSeconds:N0}/s)");
            }
        }
        catch (OperationCanceledException)
        {
            // Finished.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _printer;
        _stop.Dispose();
    }
}
