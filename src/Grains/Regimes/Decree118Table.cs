using HccOrleans.Grains.Workflow;
using static HccOrleans.Grains.Workflow.Movers;

namespace HccOrleans.Grains.Regimes;

/// <summary>
/// The transition table of Decree 118/2025 (docs/rules/lifecycle.md), drawn in docs/rules/state-machine-decree-118-2025.md;
/// anything it does not name is an invalid transition. Paper dossiers pass a transfer step; online ones go to the
/// handling agency at receipt. No agency stops a dossier: the one-stop unit closes one whose supplement never came.
/// </summary>
public static class Decree118Table
{
    public static Transition? Find(Position? from, DossierAction action, FilingChannel channel) => (from, action) switch
    {
        (null, DossierAction.Submit) => new(Position.Submitted, OfficerOrPortal),
        (null, _) => null,
        ({ Status: DossierStatus.Returned }, DossierAction.CorrectResult or DossierAction.Return) => new(Position.Returned, Officer),
        ({ IsTerminal: true }, _) => null,
        ({ Status: DossierStatus.Submitted }, DossierAction.Receive) =>
            new(channel == FilingChannel.Online ? Position.Appraising : Position.Transferring, Officer),
        ({ Status: DossierStatus.Submitted }, DossierAction.Refuse) => new(Position.Refused, Officer),
        ({ Status: DossierStatus.Submitted }, DossierAction.RequestSupplement) => new(Position.SupplementAtReceipt, Officer),
        ({ Status: DossierStatus.SupplementRequested, Step: ProcessingStep.None }, DossierAction.Supplement) => new(Position.Submitted, OfficerOrPortal),
        ({ Status: DossierStatus.Processing, Step: ProcessingStep.Transfer }, DossierAction.Transfer) => new(Position.Appraising, Officer),
        ({ Status: DossierStatus.Processing, Step: ProcessingStep.Appraise }, DossierAction.RequestSupplement) => new(Position.SupplementInAppraisal, Specialist),
        ({ Status: DossierStatus.SupplementRequested, Step: ProcessingStep.Appraise }, DossierAction.Supplement) => new(Position.Appraising, OfficerOrPortal),
        ({ Status: DossierStatus.SupplementRequested, Step: ProcessingStep.Appraise }, DossierAction.Close) => new(Position.Stopped, Officer),
        ({ Status: DossierStatus.Processing, Step: ProcessingStep.Appraise }, DossierAction.RequestPayment) => new(Position.AwaitingPayment, Specialist),
        ({ Status: DossierStatus.AwaitingPayment }, DossierAction.Pay) => new(Position.Appraising, OfficerOrPortal),
        ({ Status: DossierStatus.Processing, Step: ProcessingStep.Appraise }, DossierAction.Appraise) => new(Position.Approving, Specialist),
        ({ Status: DossierStatus.Processing, Step: ProcessingStep.Appraise }, DossierAction.CompletePart) => new(Position.Appraising, SpecialistOrLeader),
        ({ Status: DossierStatus.Processing, Step: ProcessingStep.Appraise }, DossierAction.Consult) => new(Position.Appraising, Specialist),
        ({ Status: DossierStatus.Processing, Step: ProcessingStep.Appraise }, DossierAction.AnswerConsultation) => new(Position.Appraising, SpecialistOrLeader),
        ({ Status: DossierStatus.Processing, Step: ProcessingStep.Approve }, DossierAction.Approve) => new(Position.Done, Leader),
        ({ Status: DossierStatus.Processing, Step: ProcessingStep.Approve }, DossierAction.SendBack) => new(Position.Appraising, Leader),
        ({ Status: DossierStatus.Done }, DossierAction.Return) => new(Position.Returned, Officer),
        ({ Step: ProcessingStep.Appraise, Status: DossierStatus.Processing or DossierStatus.SupplementRequested or DossierStatus.AwaitingPayment } and var same,
            DossierAction.Assign) => new(same, SpecialistOrLeader),
        ({ Status: DossierStatus.Processing } and var same, DossierAction.ProposeExtension) => new(same, Leader),
        ({ Status: DossierStatus.Processing } and var same, DossierAction.ConfirmExtension or DossierAction.DeclineExtension) => new(same, Officer),
        ({ Status: DossierStatus.Processing or DossierStatus.AwaitingPayment } or { Status: DossierStatus.SupplementRequested, Step: ProcessingStep.Appraise },
            DossierAction.Withdraw) => new(Position.Withdrawn, OfficerOrPortal),
        ({ Status: DossierStatus.Submitted } or { Status: DossierStatus.SupplementRequested, Step: ProcessingStep.None }, DossierAction.Withdraw)
            when channel == FilingChannel.Online => new(Position.Withdrawn, OfficerOrPortal),
        _ => null,
    };
}
