using System.Text.Json.Serialization;

namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>
/// The apology letter (form 04): issued while processing, once, with a new date for the result. Timely when
/// issued at least one working day before the due instant in force; the new date never changes the completion class.
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.Apology")]
public sealed record Apology(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset NewDueAt,
    [property: Id(3)] bool Timely);

/// <summary>A financial obligation (fee, tax) set during appraisal, and its payment once recorded.</summary>
[GenerateSerializer, Immutable, Alias("hcc.PaymentObligation")]
public sealed record PaymentObligation(
    [property: Id(0)] decimal Amount,
    [property: Id(1)] string? Note,
    [property: Id(2)] DateTimeOffset RequestedAt,
    [property: Id(3)] DateTimeOffset? PaidAt = null,
    [property: Id(4)] string? ReceiptNumber = null,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PaymentMethod? Method = null,
    [property: Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Proof = null);

/// <summary>The applicant's rating of a returned dossier; given once.</summary>
[GenerateSerializer, Immutable, Alias("hcc.CitizenRating")]
public sealed record CitizenRating(
    [property: Id(0)] SatisfactionRating Rating,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? Comment,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RatedItem[]? Items = null,
    [property: Id(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? AgenciesContacted = null,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Contacts = null);

/// <summary>A rating as the citizen gives it: the overall level, the Art. 33(1) items they rated, the two counts, a comment.</summary>
[GenerateSerializer, Immutable, Alias("hcc.RatingInput")]
public sealed record RatingInput(
    [property: Id(0)] SatisfactionRating Rating,
    [property: Id(1)] string? Comment,
    [property: Id(2)] RatedItem[]? Items = null,
    [property: Id(3)] int? AgenciesContacted = null,
    [property: Id(4)] int? Contacts = null);

/// <summary>
/// One change of the due instant in force from <see cref="At"/> on: <see cref="DueAt"/> null means the clock
/// stopped (a supplement or a payment is awaited). Reports read this history to judge a dossier at a past
/// instant, so that later events never change a closed period's figures.
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.DueChange")]
public sealed record DueChange(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] DateTimeOffset? DueAt,
    [property: Id(2)] DueChangeReason Reason);

/// <summary>
/// The handling agency's apology and request for a later date (form 04), and the one-stop unit's decision on it.
/// Timely when proposed at least one calendar day before the expiry day; the old date stands until confirmed.
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.ExtensionProposal")]
public sealed record ExtensionProposal(
    [property: Id(0)] DateTimeOffset ProposedAt,
    [property: Id(1)] string ProposedBy,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset NewDueAt,
    [property: Id(4)] DateTimeOffset PreviousDueAt,
    [property: Id(5)] bool Timely,
    [property: Id(6)] ExtensionDecision Decision,
    [property: Id(7)] DateTimeOffset? DecidedAt = null,
    [property: Id(8)] string? DecidedBy = null,
    [property: Id(9)] string? DecisionNote = null);

/// <summary>A returned result found wrong, and its corrected result once handed back.</summary>
[GenerateSerializer, Immutable, Alias("hcc.ResultCorrection")]
public sealed record ResultCorrection(
    [property: Id(0)] DateTimeOffset OpenedAt,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset DueAt,
    [property: Id(3)] DateTimeOffset? CorrectedAt = null);
