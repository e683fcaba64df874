namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>Who acts, and the version the caller last saw (If-Match), if any.</summary>
[GenerateSerializer, Immutable, Alias("hcc.ActionContext")]
public sealed record ActionContext(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] long? ExpectedVersion = null);
