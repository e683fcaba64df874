namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>A member of staff as the directory knows them: forms, logs and pages print <see cref="FullName"/>.</summary>
[GenerateSerializer, Immutable, Alias("hcc.Person")]
public sealed record Person(
    [property: Id(0)] string UserName,
    [property: Id(1)] string FullName,
    [property: Id(2)] string? Title,
    [property: Id(3)] string Unit,
    [property: Id(4)] Role[] Roles,
    [property: Id(5)] bool Active);
