using System.Text.Json.Serialization;

namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>
/// A component the procedure asks for, as its published catalogue entry lists it: its name, whether the
/// original is shown or a copy given, whether it is required, and the reason sector law exempts it from digitisation.
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.CatalogueComponent")]
public sealed record CatalogueComponent(
    [property: Id(0)] string Name,
    [property: Id(1)] bool Original,
    [property: Id(2)] bool Required)
{
    /// <summary>One of <see cref="ExemptReasons"/>; null: digitised at receipt like any paper.</summary>
    [Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Exempt { get; init; }
}

/// <summary>A kind of result the procedure issues, with the code its result documents are numbered under.</summary>
[GenerateSerializer, Immutable, Alias("hcc.ResultType")]
public sealed record ResultType(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name);

/// <summary>When a fee or charge is paid (Decree 118/2025 Art. 24).</summary>
[GenerateSerializer, Alias("hcc.FeeTiming")]
public enum FeeTiming
{
    /// <summary>Known in advance: paid when the dossier is filed.</summary>
    Submission = 1,
    /// <summary>Set by the appraisal: asked for with a payment request after receipt.</summary>
    AfterReceipt = 2,
}

/// <summary>A fee or charge the procedure takes: its name, its amount in đồng, and when it is paid.</summary>
[GenerateSerializer, Immutable, Alias("hcc.ProcedureFee")]
public sealed record ProcedureFee(
    [property: Id(0)] string Name,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] FeeTiming When);

/// <summary>A payment made when the dossier is filed: how, how much, and the reference of a transfer or of the platform.</summary>
[GenerateSerializer, Immutable, Alias("hcc.SubmissionPayment")]
public sealed record SubmissionPayment(
    [property: Id(0)] PaymentMethod Method,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] string? Reference)
{
    /// <summary>The receipt or the platform's confirmation, as text or a stored file's id.</summary>
    [Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Proof { get; init; }

    /// <summary>Whether the reference must be the only one of its kind (<see cref="PaymentMethods.HoldsReference"/>).</summary>
    [JsonIgnore] public bool ClaimsReference => ((PaymentMethod?)Method).HoldsReference();
}
