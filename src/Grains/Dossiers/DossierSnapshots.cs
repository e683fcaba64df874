namespace HccOrleans.Grains.Dossiers;

internal static class DossierSnapshots
{
    /// <summary>
    /// The dossier as callers see it: the index's summary (<see cref="DossierSummaries.ToSummary"/>, the one
    /// projection of the state), plus what only the full view shows: the applicant, documents, log and escalations.
    /// </summary>
    public static DossierSnapshot ToSnapshot(this DossierState s)
    {
        var summary = s.ToSummary();
        var rules = s.DeadlineView().Rules;
        return new()
        {
            Code = summary.Code,
            Version = summary.Version,
            Procedure = summary.Procedure,
            ReceivingUnit = summary.ReceivingUnit,
            HandlingAgency = summary.HandlingAgency,
            StepAgency = summary.StepAgency,
            Channel = summary.Channel,
            Status = summary.Status,
            NationalStatusCode = summary.NationalStatusCode,
            Step = summary.Step,
            Outcome = summary.Outcome,
            SubmittedAt = summary.SubmittedAt,
            ReceivedAt = summary.ReceivedAt,
            DueAt = summary.DueAt,
            StepDueAt = summary.StepDueAt,
            RescheduledDueAt = summary.RescheduledDueAt,
            CompletedAt = summary.CompletedAt,
            ReturnedAt = summary.ReturnedAt,
            Completion = summary.Completion,
            SupplementRequests = summary.SupplementRequests,
            PausedWorkingHours = summary.PausedWorkingHours,
            ClosedAt = summary.ClosedAt,
            Applicant = s.Request!.Applicant,
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
