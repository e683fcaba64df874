namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>
/// A message for a role at an agency, produced by an escalation, or for the citizen or the portal (with a <see cref="Destination"/>). <see cref="Id"/> is deterministic, so
/// that sending the same notification twice (after a crash or a failover) is a no-op for the outbox.
/// <see cref="Missed"/> counts the daily overdue repeats that fell due while no silo ran and that this one
/// notice stands for.
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.Notification")]
public sealed record Notification(
    [property: Id(0)] string Id,
    [property: Id(1)] string DossierCode,
    [property: Id(2)] EscalationKind Kind,
    [property: Id(3)] string RecipientRole,
    [property: Id(4)] string Agency,
    [property: Id(5)] DateTimeOffset DueAt,
    [property: Id(6)] DateTimeOffset FiredAt,
    [property: Id(7)] int Repeat,
    [property: Id(8)] string Message,
    [property: Id(9)] int Missed = 0)
{
    /// <summary>For a message that leaves the engine (the citizen's channel, portal sync): how it goes out; null for staff notices shown in the pages.</summary>
    [Id(10)] public Destination? Destination { get; init; }

    /// <summary>What became of a message with a <see cref="Destination"/>, as the outbox recorded it; null where nothing delivers (the quick start).</summary>
    [Id(11)] public DeliveryOutcome? Outcome { get; init; }
}

/// <summary>A message's delivery so far: sent (and when), or failed for good, or still being tried (how often, and why not yet).</summary>
[GenerateSerializer, Immutable, Alias("hcc.DeliveryOutcome")]
public sealed record DeliveryOutcome(
    [property: Id(0)] DeliveryState State,
    [property: Id(1)] int Attempts,
    [property: Id(2)] DateTimeOffset? DeliveredAt,
    [property: Id(3)] string? LastError);

[GenerateSerializer, Alias("hcc.DeliveryState")]
public enum DeliveryState
{
    Waiting = 1,
    Sent = 2,
    Failed = 3,
}

/// <summary>
/// How a message leaves the engine: the channel and address, a subject for email, and the dossier version whose
/// transition produced it (messages of one dossier and destination go out in version order, and only once that
/// version is stored).
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.Destination")]
public sealed record Destination(
    [property: Id(0)] string Channel,
    [property: Id(1)] string Address,
    [property: Id(2)] string Subject,
    [property: Id(3)] long Version)
{
    /// <summary>The channel word of portal sync (the others are <see cref="NoticeChannel"/> words).</summary>
    public const string PortalSync = "portal-sync";
}
