using HccOrleans.Grains.Interfaces.Model;
using HccOrleans.Grains.Workflow;

namespace HccOrleans.Grains.Dossiers;

internal static class DossierSnapshots
{
    public static DossierSnapshot ToSnapshot(this DossierState s) => new()
    {
        Code = s.Code,
        Version = s.Version,
        Procedure = new ProcedureRef(s.Procedure!.Code, s.Procedure.Version, s.Procedure.Definition.Name),
        ReceivingUnit = s.Request!.ReceivingUnit,
        HandlingAgency = s.Procedure.Definition.AgencyCode,
        StepAgency = DossierMachine.StepAgency(s),
        Channel = s.Request.Channel,
        Applicant = s.Request.Applicant,
        Documents = s.Request.Documents,
        PostalTrackingNumber = s.Request.PostalTrackingNumber,
        Status = s.Status,
        NationalStatusCode = TransitionTable.NationalStatusCode(s.Status, s.HandlingStarted),
        Step = s.Step,
        Outcome = s.Outcome,
        SubmittedAt = s.SubmittedAt,
        ReceivedAt = s.ReceivedAt,
        DueAt = s.DueAt,
        StepDueAt = s.StepDueAt,
        RescheduledDueAt = s.RescheduledDueAt,
        CompletedAt = s.CompletedAt,
        ReturnedAt = s.ReturnedAt,
        Completion = s.Completion,
        SupplementRequests = s.SupplementRequests,
        SupplementItems = s.SupplementItems,
        PausedWorkingHours = decimal.Round((decimal)s.PausedWorkingTime.TotalHours, 2),
        Escalations = s.Escalations,
        ApologyRequired = !s.Apologized && s.Status == DossierStatus.Processing && s.Escalations.Any(e => e.Kind == EscalationKind.Overdue && e.DueAt >= s.DueAt),
        Log = s.Log,
        ClockStartedAt = s.ReceiptClockStartedAt ?? s.ClockStartedAt,
        ClosedAt = s.ClosedAt,
        Apology = s.Apology,
        Payment = s.Payment,
        Rating = s.Rating,
    };
}
