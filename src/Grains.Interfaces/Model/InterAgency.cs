using System.Text.Json.Serialization;

namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>An agency of an inter-agency procedure: its place in the order and the time it has for its part.</summary>
[GenerateSerializer, Immutable, Alias("hcc.AgencyPart")]
public sealed record AgencyPart(
    [property: Id(0)] string AgencyCode,
    [property: Id(1)] int Order,
    [property: Id(2)] ProcessingTime TimeLimit);

/// <summary>Where one agency's part of a dossier stands: not started (its turn has not come), open, or completed.</summary>
[GenerateSerializer, Immutable, Alias("hcc.PartProgress")]
public sealed record PartProgress(
    [property: Id(0)] string AgencyCode,
    [property: Id(1)] int Order,
    [property: Id(2)] ProcessingTime TimeLimit)
{
    [Id(3)] public DateTimeOffset? StartedAt { get; init; }
    [Id(4)] public DateTimeOffset? DueAt { get; init; }
    [Id(5)] public DateTimeOffset? CompletedAt { get; init; }
    [Id(6)] public string? Note { get; init; }

    [JsonIgnore]
    public bool IsOpen => StartedAt is not null && CompletedAt is null;
}

/// <summary>An opinion asked of another agency during appraisal, due by a date the asker set.</summary>
[GenerateSerializer, Immutable, Alias("hcc.Consultation")]
public sealed record Consultation(
    [property: Id(0)] int Id,
    [property: Id(1)] string AskedBy,
    [property: Id(2)] string Agency,
    [property: Id(3)] string Question,
    [property: Id(4)] DateTimeOffset AskedAt,
    [property: Id(5)] DateTimeOffset DueAt)
{
    [Id(6)] public DateTimeOffset? AnsweredAt { get; init; }
    [Id(7)] public string? Answer { get; init; }

    [JsonIgnore]
    public bool IsOpen => AnsweredAt is null;
}
