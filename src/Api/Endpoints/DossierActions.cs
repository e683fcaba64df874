using HccOrleans.Grains.Interfaces;
using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Api.Endpoints;

/// <summary>Everything an action may carry; each action reads the fields it needs.</summary>
public sealed record ActionFields
{
    public string? Reason { get; init; }
    public string? Note { get; init; }
    public string[]? Items { get; init; }
    public AppraisalOutcome? Outcome { get; init; }
    public ReturnMethod? Method { get; init; }
    public decimal? Amount { get; init; }
    public string? ReceiptNumber { get; init; }
    public DateTimeOffset? NewDueAt { get; init; }
}

/// <summary>
/// The one place that turns an action word and its fields into the dossier grain's call, for the HTTP API and the
/// pages alike. A field the call cannot do without (an outcome, a method, an amount, a date) is refused here as
/// invalid; every other rule is the grain's.
/// </summary>
public static class DossierActions
{
    /// <summary>The actions a person may ask for by their word (submission has its own endpoint).</summary>
    public static readonly DossierAction[] Requested = [.. Enum.GetValues<DossierAction>().Where(a => a != DossierAction.Submit)];

    public static Task<DossierResult> InvokeAsync(IDossierGrain dossier, DossierAction action, ActionContext context, ActionFields fields) => action switch
    {
        DossierAction.Receive => dossier.ReceiveAsync(context),
        DossierAction.Refuse => dossier.RefuseAsync(context, fields.Reason ?? ""),
        DossierAction.RequestSupplement => dossier.RequestSupplementAsync(context, fields.Reason ?? "", fields.Items ?? []),
        DossierAction.Supplement => dossier.SupplementAsync(context, fields.Note),
        DossierAction.Appraise => fields.Outcome is { } outcome
            ? dossier.AppraiseAsync(context, outcome, fields.Note)
            : Missing("outcome", "is required: eligible or ineligible."),
        DossierAction.Approve => dossier.ApproveAsync(context, fields.Note),
        DossierAction.SendBack => dossier.SendBackAsync(context, fields.Reason ?? ""),
        DossierAction.Return => fields.Method is { } method
            ? dossier.ReturnAsync(context, method)
            : Missing("method", "is required: counter, postal or online."),
        DossierAction.Withdraw => dossier.WithdrawAsync(context, fields.Reason ?? ""),
        DossierAction.Apologize => fields.NewDueAt is { } newDueAt
            ? dossier.ApologizeAsync(context, fields.Reason ?? "", newDueAt)
            : Missing("newDueAt", "is required."),
        DossierAction.RequestPayment => fields.Amount is { } amount
            ? dossier.RequestPaymentAsync(context, amount, fields.Note)
            : Missing("amount", "is required: the amount in đồng."),
        DossierAction.Pay => fields.Amount is { } paid
            ? dossier.PayAsync(context, fields.ReceiptNumber ?? "", paid)
            : Missing("amount", "is required: the amount paid, in đồng."),
        DossierAction.Stop => dossier.StopAsync(context, fields.Reason ?? ""),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Submission has its own endpoint."),
    };

    private static Task<DossierResult> Missing(string field, string message) =>
        Task.FromResult(DossierResult.Refused(new Rejection(RejectionKind.Invalid, "validation", message, Errors: new() { [field] = [message] })));
}
