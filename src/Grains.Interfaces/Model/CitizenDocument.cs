namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>A document digitised for an applicant: its file, what it is, the dossier it came with, and whether it is a result.</summary>
[GenerateSerializer, Immutable, Alias("hcc.CitizenDocument")]
public sealed record CitizenDocument(
    [property: Id(0)] Guid FileId,
    [property: Id(1)] string Name,
    [property: Id(2)] string DossierCode,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] bool Result = false,
    [property: Id(5)] string? ResultType = null);
