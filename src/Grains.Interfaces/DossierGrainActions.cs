using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces;

/// <summary>
/// The workflow's actions by name, for code that calls the dossier grain directly (the seed, tests, benchmarks):
/// each is <see cref="IDossierGrain.ActAsync"/> with the fields it carries. A convenience only: a new action works
/// through <c>ActAsync</c> without a line here.
/// </summary>
public static class DossierGrainActions
{
    public static Task<DossierResult> ReceiveAsync(this IDossierGrain dossier, ActorContext context) =>
        dossier.ActAsync(DossierAction.Receive, context, new());

    public static Task<DossierResult> RefuseAsync(this IDossierGrain dossier, ActorContext context, string reason) =>
        dossier.ActAsync(DossierAction.Refuse, context, new() { Reason = reason });

    public static Task<DossierResult> RequestSupplementAsync(this IDossierGrain dossier, ActorContext context, string reason, string[] items) =>
        dossier.ActAsync(DossierAction.RequestSupplement, context, new() { Reason = reason, Items = items });

    public static Task<DossierResult> SupplementAsync(this IDossierGrain dossier, ActorContext context, string? note) =>
        dossier.ActAsync(DossierAction.Supplement, context, new() { Note = note });

    public static Task<DossierResult> AppraiseAsync(this IDossierGrain dossier, ActorContext context, AppraisalOutcome outcome, string? note) =>
        dossier.ActAsync(DossierAction.Appraise, context, new() { Outcome = outcome, Note = note });

    public static Task<DossierResult> ApproveAsync(this IDossierGrain dossier, ActorContext context, string? note) =>
        dossier.ActAsync(DossierAction.Approve, context, new() { Note = note });

    public static Task<DossierResult> SendBackAsync(this IDossierGrain dossier, ActorContext context, string reason) =>
        dossier.ActAsync(DossierAction.SendBack, context, new() { Reason = reason });

    public static Task<DossierResult> ReturnAsync(this IDossierGrain dossier, ActorContext context, ReturnMethod method) =>
        dossier.ActAsync(DossierAction.Return, context, new() { Method = method });

    public static Task<DossierResult> WithdrawAsync(this IDossierGrain dossier, ActorContext context, string reason) =>
        dossier.ActAsync(DossierAction.Withdraw, context, new() { Reason = reason });

    public static Task<DossierResult> ApologizeAsync(this IDossierGrain dossier, ActorContext context, string reason, DateTimeOffset newDueAt) =>
        dossier.ActAsync(DossierAction.Apologize, context, new() { Reason = reason, NewDueAt = newDueAt });

    public static Task<DossierResult> RequestPaymentAsync(this IDossierGrain dossier, ActorContext context, decimal amount, string? note) =>
        dossier.ActAsync(DossierAction.RequestPayment, context, new() { Amount = amount, Note = note });

    public static Task<DossierResult> PayAsync(this IDossierGrain dossier, ActorContext context, string receiptNumber, decimal amount) =>
        dossier.ActAsync(DossierAction.Pay, context, new() { ReceiptNumber = receiptNumber, Amount = amount });

    public static Task<DossierResult> StopAsync(this IDossierGrain dossier, ActorContext context, string reason) =>
        dossier.ActAsync(DossierAction.Stop, context, new() { Reason = reason });

    public static Task<DossierResult> TransferAsync(this IDossierGrain dossier, ActorContext context, string? note = null) =>
        dossier.ActAsync(DossierAction.Transfer, context, new() { Note = note });

    public static Task<DossierResult> CloseAsync(this IDossierGrain dossier, ActorContext context, string reason) =>
        dossier.ActAsync(DossierAction.Close, context, new() { Reason = reason });

    public static Task<DossierResult> ProposeExtensionAsync(this IDossierGrain dossier, ActorContext context, string reason, DateTimeOffset newDueAt) =>
        dossier.ActAsync(DossierAction.ProposeExtension, context, new() { Reason = reason, NewDueAt = newDueAt });

    public static Task<DossierResult> ConfirmExtensionAsync(this IDossierGrain dossier, ActorContext context, string? note = null) =>
        dossier.ActAsync(DossierAction.ConfirmExtension, context, new() { Note = note });

    public static Task<DossierResult> DeclineExtensionAsync(this IDossierGrain dossier, ActorContext context, string reason) =>
        dossier.ActAsync(DossierAction.DeclineExtension, context, new() { Reason = reason });

    public static Task<DossierResult> CorrectResultAsync(this IDossierGrain dossier, ActorContext context, string reason) =>
        dossier.ActAsync(DossierAction.CorrectResult, context, new() { Reason = reason });
}
