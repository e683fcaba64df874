using HccOrleans.Grains.Workflow;

namespace HccOrleans.Grains.Dossiers;

/// <summary>The index's view of a dossier: the one mapping from state to index, for the in-memory index and PostgreSQL's alike.</summary>
public static class DossierSummaries
{
    public static DossierSummary ToSummary(this DossierState s)
    {
        var definition = s.Procedure!.Definition;
        return new DossierSummary
        {
            Code = s.Code,
            Version = s.Version,
            Procedure = s.ProcedureRef(),
            Field = definition.Field,
            ReceivingUnit = s.Request!.ReceivingUnit,
            HandlingAgency = definition.AgencyCode,
            StepAgency = DossierMachine.StepAgency(s),
            Agencies = [.. s.InvolvedAgencies().Prepend(s.Request.ReceivingUnit).Distinct(StringComparer.Ordinal)],
            Channel = s.Request.Channel,
            ApplicantName = s.Request.Applicant.Name,
            Status = s.Status,
            NationalStatusCode = s.NationalStatusCode(),
            Step = s.Step,
            SubmittedAt = s.SubmittedAt,
            ReceivedAt = s.ReceivedAt,
            DueAt = s.DueAt,
            StepDueAt = s.StepDueAt,
            RescheduledDueAt = s.RescheduledDueAt,
            CompletedAt = s.CompletedAt,
            ReturnedAt = s.ReturnedAt,
            Completion = s.Completion,
            Outcome = s.Outcome,
            SupplementRequests = s.SupplementRequests,
            PausedWorkingHours = s.PausedWorkingHours(),
            // The apology letter of either regime: Decree 61's apology, or Decree 118's extension proposal unless declined.
            Apologized = s.Apologized || s.Extension is { Decision: not ExtensionDecision.Declined },
            ResolutionWorkingHours = s.ResolutionWorkingHours,
            ClosedAt = s.ClosedAt,
            OnlineLevel = definition.OnlineLevel,
            DueHistory = s.DueHistory,
            Rating = s.Rating?.Rating,
            RatedAt = s.Rating?.At,
            StepStartedAt = s.StepStartedAt,
            Assignee = s.Assignee,
            Handlers = StepHandlers.Of(s),
            Figures = FiguresOf(s),
            SearchText = Unaccented.Fold(string.Join(' ', new[] { s.OfficialCode, s.Code, s.Request!.Applicant.IdNumber, s.Request.Applicant.Name }.OfType<string>())),
        };
    }

    /// <summary>The procedure and version the dossier is handled under, with the procedure's name.</summary>
    public static ProcedureRef ProcedureRef(this DossierState s) => new(s.Procedure!.Code, s.Procedure.Version, s.Procedure.Definition.Name);

    /// <summary>The status code the national portal knows the dossier by.</summary>
    public static int NationalStatusCode(this DossierState s) => NationalCodes.Of(s.Status, s.HandlingStarted);

    /// <summary>The working hours the clock stood still, as the reports show them.</summary>
    public static decimal PausedWorkingHours(this DossierState s) => decimal.Round((decimal)s.PausedWorkingTime.TotalHours, 2);

    private static DossierFigures? FiguresOf(DossierState s)
    {
        var documents = s.Request!.Documents;
        bool? digitised = documents.Length > 0 && documents.All(d => d.Digitised) ? true : null;
        bool? reused = documents.Any(d => d.Reuse is not null) ? true : null;
        bool? electronic = s.Result is { FileId: not null } ? true : null;
        var (paidAt, paidBy) = PaymentOf(s);
        return paidAt is not null || s.Rating is { Items: not null } or { AgenciesContacted: not null } or { Contacts: not null }
            || digitised is not null || reused is not null || electronic is not null
            ? new DossierFigures(paidAt, paidBy,
                s.Rating?.Items, s.Rating?.AgenciesContacted, s.Rating?.Contacts, digitised, reused, electronic)
            : null;
    }

    /// <summary>
    /// When and how the dossier's fees were paid: the payment request's payment, else the fees paid at submission, the
    /// platform's method if any part went through it (Decision 766 counts a dossier paid online once any fee was).
    /// </summary>
    private static (DateTimeOffset? At, PaymentMethod? Method) PaymentOf(DossierState s)
    {
        if (s.Payment is { PaidAt: { } paidAt } paid)
        {
            return (paidAt, paid.Method ?? PaymentMethod.Counter);
        }

        return s.Request?.Payments is { Length: > 0 } atSubmission
            ? (s.SubmittedAt, atSubmission.Select(p => p.Method).Max())
            : (null, null);
    }

    public static EscalationEntry[] ToEntries(this DossierState s) =>
        [.. s.Escalations.Select(e => new EscalationEntry($"{s.Code}/{e.Key}", s.Code, e.Kind, e.Step, e.Agency, e.DueAt, e.FiredAt, e.Repeat))];
}
