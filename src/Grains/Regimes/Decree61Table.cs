using HccOrleans.Grains.Workflow;
using static HccOrleans.Grains.Workflow.Movers;

namespace HccOrleans.Grains.Regimes;

/// <summary>
/// The transition table of Decree 61/2018 (docs/rules/lifecycle.md), drawn in docs/rules/state-machine-decree-61-2018.md;
/// anything it does not name is an invalid transition. The channel changes nothing under this regime.
/// </summary>
public static class Decree61Table
{
    public static Transition? Find(Position? from, DossierAction action, FilingChannel channel) => (from, action) switch
    {
        (null, DossierAction.Submit) => new(Position.Submitted, OfficerOrPortal),
        (null, _) => null,
        ({ IsTerminal: true } or { Step: ProcessingStep.Transfer }, _) => null,
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
        ({ Step: ProcessingStep.Appraise, Status: DossierStatus.Processing or DossierStatus.SupplementRequested or DossierStatus.AwaitingPayment } and var same,
            DossierAction.Assign) => new(same, SpecialistOrLeader),
        ({ Status: DossierStatus.Processing } and var same, DossierAction.Apologize) => new(same, Leader),
        ({ Status: DossierStatus.Processing }, DossierAction.Stop) => new(Position.Stopped, Leader),
        ({ Status: DossierStatus.SupplementRequested or DossierStatus.AwaitingPayment }, DossierAction.Stop) => new(Position.Stopped, Engine),
        ({ Status: DossierStatus.Submitted or DossierStatus.Processing or DossierStatus.SupplementRequested or DossierStatus.AwaitingPayment },
            DossierAction.Withdraw) => new(Position.Withdrawn, OfficerOrPortal),
        _ => null,
    };
}
