using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Regimes;
using HccOrleans.Grains.Validation;
using HccOrleans.Grains.Workflow.Commands;

namespace HccOrleans.Grains.Workflow;

/// <summary>What a command is decided and applied against besides the dossier: the instant, the calendar, the escalation periods, the dossier's regime and who acts.</summary>
internal sealed record Move(DateTimeOffset Now, WorkingCalendar Calendar, EscalationPolicy Policy, RegimeRules Rules, Actor Actor)
{
    /// <summary>A refusal by one of the regime's rules, naming it and the article it stands on.</summary>
    public Rejection Refuse(RejectionKind kind, string rule, string detail, Dictionary<string, string[]>? errors = null) =>
        Rules.Refusal(kind, rule, detail, errors);
}

/// <summary>
/// A request to move a dossier, and everything that belongs to one action: the fields it needs and their rules,
/// the line it writes in the control log, the once-only or amount rules it may refuse by, and what it does to the
/// dossier once <see cref="DossierMachine"/> has allowed it. One record per action, in <c>Commands/</c>.
/// </summary>
internal abstract record DossierCommand(DossierAction Action)
{
    protected const int MaxText = 2000;

    /// <summary>
    /// The command an action asks for with the fields a caller sent; null for submission, which creates a dossier
    /// instead, and for a calendar's recompute, which no one asks of a dossier (see <see cref="DueRecompute"/>). No default case, on purpose: an action added to <see cref="DossierAction"/> does not compile until
    /// it has its command here.
    /// </summary>
    public static DossierCommand? From(DossierAction action, ActionFields f) => action switch
    {
        DossierAction.Submit or DossierAction.RecomputeDue => null,
        DossierAction.Receive => new Receive(Note: f.Note),
        DossierAction.Refuse => new Refuse(f.Reason, f.FileWith),
        DossierAction.RequestSupplement => new RequestSupplement(f.Reason, f.Items),
        DossierAction.Supplement => new Supplement(f.Note),
        DossierAction.Appraise => new Appraise(f.Outcome, f.Note),
        DossierAction.Approve => new Approve(f.Note, f.Result),
        DossierAction.SendBack => new SendBack(f.Reason),
        DossierAction.Return => new Return(f.Method, f.CollectedBy),
        DossierAction.Withdraw => new Withdraw(f.Reason),
        DossierAction.Apologize => new Apologize(f.Reason, f.NewDueAt),
        DossierAction.RequestPayment => new RequestPayment(f.Amount, f.Note),
        DossierAction.Pay => new Pay(f.ReceiptNumber, f.Amount, f.PaymentMethod, f.Proof),
        DossierAction.Stop => new Stop(f.Reason),
        DossierAction.Transfer => new Transfer(f.Note),
        DossierAction.Close => new Close(f.Reason),
        DossierAction.ProposeExtension => new ProposeExtension(f.Reason, f.NewDueAt),
        DossierAction.ConfirmExtension => new ConfirmExtension(f.Note),
        DossierAction.DeclineExtension => new DeclineExtension(f.Reason),
        DossierAction.CorrectResult => new CorrectResult(f.Reason, f.FileId),
        DossierAction.CompletePart => new CompletePart(f.Agency, f.Note),
        DossierAction.Consult => new Consult(f.Agency, f.Question, f.DueAt),
        DossierAction.AnswerConsultation => new AnswerConsultation(f.ConsultationId, f.Answer),
        DossierAction.Assign => new Assign(f.UserName),
    };

    /// <summary>Adds an error for each field the action lacks or has wrong (a 400 naming the field).</summary>
    public abstract void Validate(ValidationErrors errors);

    /// <summary>What the control log says of the move, beyond the action itself.</summary>
    public abstract string? LogNote();

    /// <summary>
    /// The agency whose specialists and leaders may make the move: the current step's, unless the action is another
    /// agency's own (its part of inter-agency work, its answer to a consultation).
    /// </summary>
    public virtual string? ScopeAgency(DossierState s, Actor actor) => DossierMachine.StepAgency(s);

    /// <summary>A rule of this action that refuses the move on this dossier now (422 or 400), beyond the table and permissions.</summary>
    public virtual Rejection? Refusal(DossierState state, Move m) => null;

    /// <summary>What the move does to the clock and records, on a state already at the transition's position.</summary>
    public abstract DossierState Apply(DossierState s, Move m);
}
