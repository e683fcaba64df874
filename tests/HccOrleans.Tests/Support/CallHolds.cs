namespace HccOrleans.Tests.Support;

/// <summary>
/// Holds the incoming calls of one grain method until the test lets them go, to see what a grain has and has not
/// done while something it waits for is unfinished. Unarmed, it passes every call straight on.
/// </summary>
public sealed class CallHolds
{
    private volatile Hold? _armed;

    /// <summary>Holds calls of <paramref name="method"/> (the grain class's method name) until the hold is released or disposed.</summary>
    public Hold Arm(string method)
    {
        var hold = new Hold(method, this);
        _armed = hold;
        return hold;
    }

    public async Task InvokeAsync(IIncomingGrainCallContext context)
    {
        if (_armed is { } hold && context.ImplementationMethod?.Name == hold.Method)
        {
            hold.Arrived.TrySetResult();
            await hold.Released.Task;
        }

        await context.Invoke();
    }

    public sealed class Hold(string method, CallHolds owner) : IDisposable
    {
        public string Method => method;

        /// <summary>Completes when the first held call has arrived.</summary>
        public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Dispose()
        {
            owner._armed = null;
            Released.TrySetResult();
        }
    }
}
