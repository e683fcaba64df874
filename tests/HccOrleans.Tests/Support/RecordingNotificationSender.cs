namespace HccOrleans.Tests.Support;

/// <summary>A notification sender that tests can wait on: an explicit barrier instead of sleeping.</summary>
public sealed class RecordingNotificationSender : INotificationSender
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Notification> _sent = [];
    private readonly List<(Func<Notification, bool> Match, TaskCompletionSource<Notification> Signal)> _waiters = [];

    public Task SendAsync(IReadOnlyList<Notification> notifications)
    {
        lock (_gate)
        {
            foreach (var notification in notifications)
            {
                _sent.TryAdd(notification.Id, notification);

                foreach (var waiter in _waiters.Where(w => w.Match(notification)).ToList())
                {
                    waiter.Signal.TrySetResult(notification);
                    _waiters.Remove(waiter);
                }
            }
        }

        return Task.CompletedTask;
    }

    public IReadOnlyList<Notification> Sent(Func<Notification, bool> match)
    {
        lock (_gate)
        {
            return [.. _sent.Values.Where(match)];
        }
    }

    /// <summary>The first notification matching, already sent or yet to come; fails after <paramref name="timeout"/>.</summary>
    public Task<Notification> WaitForAsync(Func<Notification, bool> match, TimeSpan? timeout = null)
    {
        TaskCompletionSource<Notification> signal;
        lock (_gate)
        {
            if (_sent.Values.FirstOrDefault(match) is { } already)
            {
                return Task.FromResult(already);
            }

            signal = new TaskCompletionSource<Notification>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, signal));
        }

        return Waits.WithinAsync(signal.Task, timeout ?? TimeSpan.FromSeconds(20), () => $"a notification; sent so far: {Sent()}");
    }

    private string Sent()
    {
        lock (_gate)
        {
            return _sent.Count == 0 ? "none" : string.Join("; ", _sent.Values.Select(n => $"{n.DossierCode} {n.Kind} to {n.RecipientRole}"));
        }
    }
}
