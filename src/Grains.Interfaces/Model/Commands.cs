namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>Who acts, and the version the caller last saw (If-Match), if any.</summary>
[GenerateSerializer, Immutable, Alias("hcc.ActorContext")]
public sealed record ActorContext(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] long? ExpectedVersion = null);

/// <summary>
/// Everything an action may carry, as the caller sent it. Each action reads the fields it needs; the engine's
/// validation names any that a move cannot do without, so a missing field is a 400 that names it, never a crash.
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.ActionFields")]
public sealed record ActionFields
{
    [Id(0)] public string? Reason { get; init; }
    [Id(1)] public string? Note { get; init; }
    [Id(2)] public string[]? Items { get; init; }
    [Id(3)] public AppraisalOutcome? Outcome { get; init; }
    [Id(4)] public ReturnMethod? Method { get; init; }
    [Id(5)] public decimal? Amount { get; init; }
    [Id(6)] public string? ReceiptNumber { get; init; }
    [Id(7)] public DateTimeOffset? NewDueAt { get; init; }
    /// <summary>A refusal for want of competence: the agency or unit where the citizen should file instead.</summary>
    [Id(8)] public string? FileWith { get; init; }
    /// <summary>The agency whose part ends (complete-part), or whose opinion is asked (consult).</summary>
    [Id(9)] public string? Agency { get; init; }
    [Id(10)] public string? Question { get; init; }
    /// <summary>The date a consultation must be answered by.</summary>
    [Id(11)] public DateTimeOffset? DueAt { get; init; }
    /// <summary>The consultation answered.</summary>
    [Id(12)] public int? ConsultationId { get; init; }
    [Id(13)] public string? Answer { get; init; }
    /// <summary>The specialist the appraisal is given to (assign).</summary>
    [Id(14)] public string? UserName { get; init; }

    /// <summary>How a payment was made (<c>pay</c>); without it, at the counter.</summary>
    [Id(15)] public PaymentMethod? PaymentMethod { get; init; }

    /// <summary>What proves a payment: the platform's or the bank's confirmation, a receipt's serial.</summary>
    [Id(16)] public string? Proof { get; init; }

    /// <summary>The result document given at approval (<c>approve</c>).</summary>
    [Id(17)] public ResultInput? Result { get; init; }

    /// <summary>The corrected result's file (<c>correct-result</c>).</summary>
    [Id(18)] public Guid? FileId { get; init; }

    /// <summary>return: who collected the result at the counter (name and the paper they showed).</summary>
    [Id(19)] public string? CollectedBy { get; init; }
}
