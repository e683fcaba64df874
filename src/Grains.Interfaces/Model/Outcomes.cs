namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>Why a command was refused; the API maps each kind to the contract's status code.</summary>
[GenerateSerializer, Alias("hcc.RejectionKind")]
public enum RejectionKind
{
    /// <summary>400: the input breaks a validation rule.</summary>
    Invalid = 1,
    /// <summary>403: the role or agency may not do this.</summary>
    Forbidden = 2,
    /// <summary>404: no such dossier, procedure or unit.</summary>
    NotFound = 3,
    /// <summary>409: invalid transition, stale version or reused idempotency key.</summary>
    Conflict = 4,
    /// <summary>422: a domain rule refuses it (second apology, second mid-processing supplement request, second rating).</summary>
    RuleRefused = 5,
}

/// <summary>A refused command: nothing changed.</summary>
[GenerateSerializer, Immutable, Alias("hcc.Rejection")]
public sealed record Rejection(
    [property: Id(0)] RejectionKind Kind,
    [property: Id(1)] string Rule,
    [property: Id(2)] string Detail,
    [property: Id(3)] DossierStatus? CurrentStatus = null,
    [property: Id(4)] long? CurrentVersion = null,
    [property: Id(5)] Dictionary<string, string[]>? Errors = null)
{
    public static Rejection Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(RejectionKind.Invalid, RuleCodes.Validation, "One or more fields are invalid.", Errors: errors.ToDictionary());
}

/// <summary>The dossier after a successful command, or why the command was refused.</summary>
[GenerateSerializer, Immutable, Alias("hcc.DossierResult")]
public sealed record DossierResult(
    [property: Id(0)] DossierSnapshot? Dossier,
    [property: Id(1)] Rejection? Rejection)
{
    public static DossierResult Ok(DossierSnapshot dossier) => new(dossier, null);

    public static DossierResult Refused(Rejection rejection) => new(null, rejection);
}

/// <summary>A citizen's rating as recorded, or why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("hcc.RatingResult")]
public sealed record RatingResult(
    [property: Id(0)] CitizenRating? Rating,
    [property: Id(1)] Rejection? Rejection);

/// <summary>A submission's outcome; <see cref="Created"/> is false when an idempotent retry returned the earlier dossier.</summary>
[GenerateSerializer, Immutable, Alias("hcc.SubmissionResult")]
public sealed record SubmissionResult(
    [property: Id(0)] DossierResult Result,
    [property: Id(1)] bool Created);

/// <summary>A catalogue or calendar call's outcome: the value, or why there is none.</summary>
[GenerateSerializer, Immutable, Alias("hcc.WriteResult`1")]
public sealed record WriteResult<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] Rejection? Rejection);
