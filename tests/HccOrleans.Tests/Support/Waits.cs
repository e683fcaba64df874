namespace HccOrleans.Tests.Support;

/// <summary>Waits on what a real process or server does in its own time: bounded, and failing with what was seen.</summary>
public static class Waits
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>Until <paramref name="done"/> holds; after <paramref name="within"/> the test fails with <paramref name="saw"/>.</summary>
    public static async Task UntilAsync(Func<bool> done, TimeSpan within, Func<string> saw)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(clock.Elapsed < within, $"waited {within.TotalSeconds:F0} s: {saw()}");
            await Task.Delay(PollEvery);
        }
    }

    /// <summary>The task's end, or after <paramref name="within"/> a failure saying <paramref name="saw"/>.</summary>
    public static async Task WithinAsync(Task task, TimeSpan within, Func<string> saw)
    {
        try
        {
            await task.WaitAsync(within);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"waited {within.TotalSeconds:F0} s for {saw()}");
        }
    }

    /// <inheritdoc cref="WithinAsync(Task, TimeSpan, Func{string})"/>
    public static async Task<T> WithinAsync<T>(Task<T> task, TimeSpan within, Func<string> saw)
    {
        await WithinAsync((Task)task, within, saw);
        return await task;
    }

    /// <summary>
    /// Fails if <paramref name="happened"/> comes true within <paramref name="window"/>: for what must not follow while a
    /// test holds back what it waits for. The window only bounds the look; passing costs the whole window.
    /// </summary>
    public static async Task NotWithinAsync(Func<Task<bool>> happened, TimeSpan window, string what)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            Assert.False(await happened(), $"{what} after {clock.Elapsed.TotalMilliseconds:F0} ms");
            await Task.Delay(PollEvery);
        }
        while (clock.Elapsed < window);
    }
}
