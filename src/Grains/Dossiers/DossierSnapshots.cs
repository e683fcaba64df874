using HccOrleans.Grains.Workflow;

namespace HccOrleans.Grains.Dossiers;

internal static class DossierSnapshots
{
    /// <summary>
    /// The dossier as callers see it: the fields it shares with the index's summary, derived as
    /// <see cref="DossierSummaries"/> derives them, plus what only the full view shows: the applicant, documents, log
    /// and escalations. It does not build the summary: the state's write builds that for its index row, and the
    /// summary's search text, agencies and figures were half the cost of an answer no caller reads them from.
    /// </summary>
    public static DossierSnapshot ToSnapshot(this DossierState s)
    {
        var rules = s.Rules();
        return new()
        {
            Code = s.Code,
            Version = s.Version,
            Procedure = s.ProcedureRef(),
            ReceivingUnit = s.Request!.ReceivingUnit,
            HandlingAgency = s.Procedure!.Definition.AgencyCode,
            StepAgency = DossierMachine.StepAgency(s),
            Channel = s.Request.Channel,
            Status = s.Status,
            NationalStatusCode = s.NationalStatusCode(),
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
            PausedWorkingHours = s.PausedWorkingHours(),
            ClosedAt = s.ClosedAt,
            Applicant = s.Request.Applicant,
            Documents = s.Request.Documents,
            PostalTrackingNumber = s.Request.PostalTrackingNumber,
            SupplementItems = s.SupplementItems,
            Escalations = s.Escalations,
            ApologyRequired = !s.Apologized && s.Extension is null && s.Status == DossierStatus.Processing && s.Escalations.Any(e => e.Kind == EscalationKind.Overdue && e.DueAt >= s.DueAt),
            Log = s.Log,
            ClockStartedAt = s.ReceiptClockStartedAt ?? s.ClockStartedAt,
            Apology = s.Apology,
            Payment = s.Payment,
            Rating = s.Rating,
            Regime = rules.Regime,
            Extension = s.Extension,
            Correction = s.Correction,
            SupplementRequestLate = s.SupplementRequestLate,
            TransferredAt = s.TransferredAt,
            OfficialCode = s.OfficialCode ?? (rules.OfficialCodeAtReceipt ? null : s.Code),
            FileWith = s.FileWith,
            Route = s.Route,
            Lateness = s.Lateness,
            Parts = s.Parts,
            Consultations = s.Consultations,
            Assignee = s.Assignee,
            Result = s.Result,
            Payments = s.Request.Payments,
        };
    }
}
