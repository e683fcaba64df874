using System.Text.Json.Serialization;

namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>
/// A unit of the administration as it was over a span of days: never deleted, a merged or renamed unit ends on
/// <see cref="ValidTo"/> and names its <see cref="Successor"/>. Rows stored before v2.0 carry neither level nor
/// validity: they read as provincial units valid always.
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.UnitInfo")]
public sealed record UnitInfo(
    [property: Id(0)] string AgencyCode,
    [property: Id(1)] string Name,
    [property: Id(2)] string ElectronicId,
    [property: Id(3), JsonConverter(typeof(UnitKindWords))] UnitKind Kind)
{
    [Id(4)] public UnitLevel Level { get; init; } = UnitLevel.Province;

    /// <summary>The unit above it: a department's or a center's People's Committee, a commune's province.</summary>
    [Id(5)] public string? Parent { get; init; }

    /// <summary>The first day the unit exists; null: since before the engine's records.</summary>
    [Id(6)] public DateOnly? ValidFrom { get; init; }

    /// <summary>The last day the unit exists; null: it still does.</summary>
    [Id(7)] public DateOnly? ValidTo { get; init; }

    /// <summary>The unit that took over its work the day after <see cref="ValidTo"/>.</summary>
    [Id(8)] public string? Successor { get; init; }

    /// <summary>The electronic ID is a placeholder: the administrator must enter the one the Government Office assigned.</summary>
    [Id(9)] public bool ElectronicIdToConfigure { get; init; }

    [JsonIgnore]
    public bool Receives => Kind is UnitKind.ServiceCenter or UnitKind.ReceptionPoint;

    public bool ExistsOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);

    /// <summary>Whether the two units exist on a common day.</summary>
    public bool Overlaps(UnitInfo other) =>
        (ValidFrom is null || other.ValidTo is null || ValidFrom <= other.ValidTo)
        && (other.ValidFrom is null || ValidTo is null || other.ValidFrom <= ValidTo);
}
