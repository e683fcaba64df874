using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces;

/// <summary>One dossier, keyed by its code; owns the state machine and the control log.</summary>
[Alias("hcc.IDossierGrain")]
public interface IDossierGrain : IGrainWithStringKey
{
    /// <summary>Creates the dossier; a repeat of the same creation returns the existing one.</summary>
    [Alias("Create")] Task<DossierResult> CreateAsync(NewDossier dossier);

    /// <summary>The dossier, if <paramref name="reader"/> may see it (directors all; units and agencies their own).</summary>
    [Alias("Get")] Task<DossierResult> GetAsync(Actor reader);

    /// <summary>The actions <paramref name="actor"/> may take on the dossier now (none when it does not exist).</summary>
    [Alias("Offers")] Task<DossierAction[]> OffersAsync(Actor actor);

    /// <summary>The citizen's view, only when <paramref name="idNumber"/> is the applicant's; null otherwise.</summary>
    [Alias("Lookup")] Task<LookupView?> LookupAsync(string idNumber);

    /// <summary>Fires the escalations that are due and reschedules the deadline reminder; what a reminder tick does.</summary>
    [Alias("CheckDeadlines")] Task<DossierResult> CheckDeadlinesAsync();

    [Alias("Receive")] Task<DossierResult> ReceiveAsync(ActionContext context);

    [Alias("Refuse")] Task<DossierResult> RefuseAsync(ActionContext context, string reason);

    [Alias("RequestSupplement")] Task<DossierResult> RequestSupplementAsync(ActionContext context, string reason, string[] items);

    [Alias("Supplement")] Task<DossierResult> SupplementAsync(ActionContext context, string? note);

    [Alias("Appraise")] Task<DossierResult> AppraiseAsync(ActionContext context, AppraisalOutcome outcome, string? note);

    [Alias("Approve")] Task<DossierResult> ApproveAsync(ActionContext context, string? note);

    [Alias("SendBack")] Task<DossierResult> SendBackAsync(ActionContext context, string reason);

    [Alias("Return")] Task<DossierResult> ReturnAsync(ActionContext context, ReturnMethod method);

    [Alias("Withdraw")] Task<DossierResult> WithdrawAsync(ActionContext context, string reason);

    [Alias("Apologize")] Task<DossierResult> ApologizeAsync(ActionContext context, string reason, DateTimeOffset newDueAt);

    [Alias("RequestPayment")] Task<DossierResult> RequestPaymentAsync(ActionContext context, decimal amount, string? note);

    [Alias("Pay")] Task<DossierResult> PayAsync(ActionContext context, string receiptNumber, decimal amount);

    [Alias("Stop")] Task<DossierResult> StopAsync(ActionContext context, string reason);

    /// <summary>The applicant's rating of the returned dossier, once; refused as not found unless <paramref name="idNumber"/> is the applicant's.</summary>
    [Alias("Rate")] Task<RatingResult> RateAsync(string idNumber, SatisfactionRating rating, string? comment);
}
