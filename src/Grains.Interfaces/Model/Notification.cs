namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>
/// A message for a role at an agency, produced by an escalation. <see cref="Id"/> is deterministic, so
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
    [property: Id(9)] int Missed = 0);
