namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>A receiving (one-stop) unit or a handling agency.</summary>
[GenerateSerializer, Immutable, Alias("hcc.UnitInfo")]
public sealed record UnitInfo(
    [property: Id(0)] string AgencyCode,
    [property: Id(1)] string Name,
    [property: Id(2)] string ElectronicId,
    [property: Id(3)] UnitKind Kind);
