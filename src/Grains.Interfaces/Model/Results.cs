using System.Text.Json.Serialization;

namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>The result the approving leader gives (Decree 118/2025 Art. 19(2), 22): what it is, what it says, its electronic copy.</summary>
[GenerateSerializer, Immutable, Alias("hcc.ResultInput")]
public sealed record ResultInput(
    [property: Id(0)] string? DocumentName,
    [property: Id(1)] string? ResultType,
    [property: Id(2)] string? Summary,
    [property: Id(3)] DateOnly? ValidFrom = null,
    [property: Id(4)] DateOnly? ValidTo = null,
    [property: Id(5)] string? Scope = null,
    [property: Id(6)] Guid? FileId = null,
    [property: Id(7)] bool? ElectronicOnly = null);

/// <summary>
/// A dossier's result document (docs/rules/documents-and-results.md "Results"): its name, type and code (the holder's
/// ID number, the type's code, a sequence), the holder, what it says and for how long, who signed it, its electronic
/// copy, and how it is issued — on paper and electronically, or electronically only.
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.ResultDocument")]
public sealed record ResultDocument(
    [property: Id(0)] string DocumentName,
    [property: Id(1)] string ResultType,
    [property: Id(2)] string DocumentCode,
    [property: Id(3)] string HolderIdNumber,
    [property: Id(4)] string HolderName,
    [property: Id(5)] string Summary,
    [property: Id(6)] string Signer,
    [property: Id(7)] DateTimeOffset IssuedAt,
    [property: Id(8)] bool ElectronicOnly,
    [property: Id(9), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? FileId = null,
    [property: Id(10), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? ValidFrom = null,
    [property: Id(11), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? ValidTo = null,
    [property: Id(12), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Scope = null,
    [property: Id(13), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid[]? ReplacedFiles = null);
