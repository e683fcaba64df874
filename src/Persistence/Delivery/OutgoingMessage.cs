namespace HccOrleans.Persistence.Delivery;

/// <summary>One outbox row on its way out: the text (or, for portal sync, the JSON) and where it goes.</summary>
public sealed record OutgoingMessage(string Id, string DossierCode, string Channel, string Address, string Subject, string Body, long Version, int Attempt);

/// <summary>One way out of the engine (SMTP, an HTTP adapter). Throws when the message did not get through.</summary>
public interface IMessageChannel
{
    /// <summary>The channel word of the rows it delivers: <c>email</c>, <c>sms</c>, <c>zalo</c>, <c>portal</c>, <c>portal-sync</c>.</summary>
    string Channel { get; }

    Task DeliverAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>The other side refused a message; the reason names no address and no content.</summary>
public sealed class DeliveryRefusedException(string reason) : Exception(reason);
