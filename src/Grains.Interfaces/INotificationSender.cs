using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces;

/// <summary>
/// Where escalation notifications go. Implementations must be idempotent by <see cref="Notification.Id"/>:
/// the engine sends before it records an escalation, so a crash in between makes it send again.
/// </summary>
public interface INotificationSender
{
    Task SendAsync(IReadOnlyList<Notification> notifications);
}

/// <summary>The outbox of the in-memory quick start; gone when the process stops.</summary>
public sealed class InMemoryOutbox : INotificationSender
{
    private readonly Dictionary<string, Notification> _sent = [];
    private readonly Lock _gate = new();

    public Task SendAsync(IReadOnlyList<Notification> notifications)
    {
        lock (_gate)
        {
            foreach (var notification in notifications)
            {
                _sent.TryAdd(notification.Id, notification);
            }
        }

        return Task.CompletedTask;
    }

    public IReadOnlyList<Notification> Snapshot()
    {
        lock (_gate)
        {
            return [.. _sent.Values.OrderBy(n => n.FiredAt)];
        }
    }
}
