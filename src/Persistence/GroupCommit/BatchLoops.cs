namespace HccOrleans.Persistence.GroupCommit;

/// <summary>
/// The batch loops of one component, started and stopped together. Stopping waits for what was queued to be done
/// (the owner closes its queues first); only a stop that runs out of time cancels the loops.
/// </summary>
internal sealed class BatchLoops
{
    private readonly CancellationTokenSource _stopping = new();
    private Task[] _running = [];

    public void Start(IEnumerable<Func<CancellationToken, Task>> loops) =>
        _running = [.. loops.Select(run => Task.Run(() => run(_stopping.Token)))];

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_running).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _stopping.CancelAsync();
        }
    }
}
