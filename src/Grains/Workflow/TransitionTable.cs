namespace HccOrleans.Grains.Workflow;

/// <summary>Where a dossier stands: its status and, while processing or waiting, its step.</summary>
public readonly record struct Position(DossierStatus Status, ProcessingStep Step)
{
    public static readonly Position Submitted = new(DossierStatus.Submitted, ProcessingStep.None);
    public static readonly Position Appraising = new(DossierStatus.Processing, ProcessingStep.Appraise);
    public static readonly Position Approving = new(DossierStatus.Processing, ProcessingStep.Approve);
    public static readonly Position Done = new(DossierStatus.Done, ProcessingStep.Return);
    public static readonly Position SupplementAtReceipt = new(DossierStatus.SupplementRequested, ProcessingStep.None);
    public static readonly Position SupplementInAppraisal = new(DossierStatus.SupplementRequested, ProcessingStep.Appraise);
    public static readonly Position AwaitingPayment = new(DossierStatus.AwaitingPayment, ProcessingStep.Appraise);
    public static readonly Position Refused = new(DossierStatus.Refused, ProcessingStep.None);
    public static readonly Position Withdrawn = new(DossierStatus.Withdrawn, ProcessingStep.None);
    public static readonly Position Stopped = new(DossierStatus.Stopped, ProcessingStep.None);
    public static readonly Position Returned = new(DossierStatus.Returned, ProcessingStep.None);

    /// <summary>Every position a dossier can be in, from submission to its ends (declared after them: initialised in order).</summary>
    public static readonly Position[] All =
    [
        Submitted, SupplementAtReceipt, Appraising, SupplementInAppraisal, AwaitingPayment, Approving, Done, Refused,
        Withdrawn, Stopped, Returned,
    ];

    public bool IsTerminal => Status is DossierStatus.Refused or DossierStatus.Withdrawn or DossierStatus.Stopped or DossierStatus.Returned;

    public override string ToString() =>
        Step == ProcessingStep.None ? Status.ToString() : $"{Status}/{Step}";
}

/// <summary>An allowed move: where it leads and who may make it.</summary>
public sealed record Transition(Position To, IReadOnlyList<Role> By)
{
    /// <summary>A move only the engine makes (an automatic stop): for anyone else it is no move at all.</summary>
    public bool IsOpenTo(Actor actor) => actor.Has(Role.System) || By.Any(role => role != Role.System);
}

/// <summary>The transition table of docs/rules/lifecycle.md, drawn in docs/rules/state-machine-decree-61-2018.md; anything it does not name is an invalid transition.</summary>
public static class TransitionTable
{
    private static readonly Role[] Officer = [Role.Officer];
    private static readonly Role[] OfficerOrPortal = [Role.Officer, Role.Portal];
    private static readonly Role[] Specialist = [Role.Specialist];
    private static readonly Role[] Leader = [Role.Leader];

    // Only the engine closes a dossier whose supplement or payment never came (docs/rules/lifecycle.md: always "stopped").
    private static readonly Role[] Engine = [Role.System];

    /// <summary>The move <paramref name="action"/> makes from <paramref name="from"/> (null: the dossier does not exist yet), or null when invalid.</summary>
    public static Transition? Find(Position? from, DossierAction action) => (from, action) switch
    {
        (null, DossierAction.Submit) => new(Position.Submitted, OfficerOrPortal),
        (null, _) => null,
        ({ IsTerminal: true }, _) => null,
        ({ Status: DossierStatus.Submitted }, DossierAction.Receive) => new(Position.Appraising, Officer),
        ({ Status: DossierStatus.Submitted }, DossierAction.Refuse) => new(Position.Refused, Officer),
        ({ Status: DossierStatus.Submitted }, DossierAction.RequestSupplement) => new(Position.SupplementAtReceipt, Officer),
        ({ Status: DossierStatus.Processing, Step: ProcessingStep.Appraise }, DossierAction.RequestSupplement) => new(Position.SupplementInAppraisal, Specialist),
        ({ Status: DossierStatus.SupplementRequested, Step: ProcessingStep.None }, DossierAction.Supplement) => new(Position.Submitted, OfficerOrPortal),
        ({ Status: DossierStatus.SupplementRequested, Step: ProcessingStep.Appraise }, DossierAction.Supplement) => new(Position.Appraising, OfficerOrPortal),
        ({ Status: DossierStatus.Processing, Step: ProcessingStep.Appraise }, DossierAction.RequestPayment) => new(Position.AwaitingPayment, Specialist),
        ({ Status: DossierStatus.AwaitingPayment }, DossierAction.Pay) => new(Position.Appraising, OfficerOrPortal),
        ({ Status: DossierStatus.Processing, Step: ProcessingStep.Appraise }, DossierAction.Appraise) => new(Position.Approving, Specialist),
        ({ Status: DossierStatus.Processing, Step: ProcessingStep.Approve }, DossierAction.Approve) => new(Position.Done, Leader),
        ({ Status: DossierStatus.Processing, Step: ProcessingStep.Approve }, DossierAction.SendBack) => new(Position.Appraising, Leader),
        ({ Status: DossierStatus.Done }, DossierAction.Return) => new(Position.Returned, Officer),
        ({ Status: DossierStatus.Processing } and var same, DossierAction.Apologize) => new(same, Leader),
        ({ Status: DossierStatus.Processing }, DossierAction.Stop) => new(Position.Stopped, Leader),
        ({ Status: DossierStatus.SupplementRequested or DossierStatus.AwaitingPayment }, DossierAction.Stop) => new(Position.Stopped, Engine),
        ({ Status: DossierStatus.Submitted or DossierStatus.Processing or DossierStatus.SupplementRequested or DossierStatus.AwaitingPayment },
            DossierAction.Withdraw) => new(Position.Withdrawn, OfficerOrPortal),
        _ => null,
    };

    /// <summary>The national (DVCQG) status code: 2 once received, 4 once the handling agency has acted.</summary>
    public static int NationalStatusCode(DossierStatus status, bool handlingStarted) => NationalCodes.Of(status, handlingStarted);
}
