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
    public static readonly Position Transferring = new(DossierStatus.Processing, ProcessingStep.Transfer);

    /// <summary>Every position of either regime, from submission to its ends (declared after them: initialised in order).</summary>
    public static readonly Position[] All =
    [
        Submitted, SupplementAtReceipt, Transferring, Appraising, SupplementInAppraisal, AwaitingPayment, Approving, Done, Refused,
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

/// <summary>The move an action makes from a position (null: the dossier does not exist yet) on a dossier filed on a channel, or null when the regime has none.</summary>
public delegate Transition? TableLookup(Position? from, DossierAction action, FilingChannel channel);

/// <summary>Who makes the moves of the tables, named once.</summary>
internal static class Movers
{
    public static readonly Role[] Officer = [Role.Officer];
    public static readonly Role[] OfficerOrPortal = [Role.Officer, Role.Portal];
    public static readonly Role[] Specialist = [Role.Specialist];
    public static readonly Role[] Leader = [Role.Leader];
    public static readonly Role[] SpecialistOrLeader = [Role.Specialist, Role.Leader];

    // Only the engine makes this move (an automatic stop): for anyone else it is no move at all.
    public static readonly Role[] Engine = [Role.System];
}
