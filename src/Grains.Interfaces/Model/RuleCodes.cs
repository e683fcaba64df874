namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>
/// Every rule a refusal can name (<see cref="Rejection.Rule"/>), as the API's ProblemDetails carry it in
/// <c>rule</c> and its <c>type</c> link, with the title a person reads. A new refusal adds its code and title here.
/// </summary>
public static class RuleCodes
{
    public const string Validation = "validation";
    public const string InvalidTransition = "invalid-transition";
    public const string StaleVersion = "stale-version";
    public const string NotPermitted = "not-permitted";
    public const string DossierNotFound = "dossier-not-found";
    public const string IdempotencyKeyReused = "idempotency-key-reused";
    public const string SupplementRequestOnce = "supplement-request-once";
    public const string ApologyOnce = "apology-once";
    public const string PaymentAmountMismatch = "payment-amount-mismatch";
    public const string PaymentReferenceUsed = "payment-reference-used";
    public const string FeeDueAtSubmission = "fee-due-at-submission";
    public const string ResultTypeNotInCatalogue = "result-type-not-in-catalogue";
    public const string RequiredComponentsMissing = "required-components-missing";
    public const string FeedbackNotFound = "feedback-not-found";
    public const string ReuseNotTheApplicants = "reuse-not-the-applicants";
    public const string ResultNotIssued = "result-not-issued";
    public const string FeedbackAnsweredOnce = "feedback-answered-once";
    public const string RatingNotReturned = "rating-not-returned";
    public const string RatingOnce = "rating-once";
    public const string ProcedureNotFound = "procedure-not-found";
    public const string ChannelNotOffered = "channel-not-offered";
    public const string ElectronicIdTaken = "electronic-id-taken";
    public const string NotInRegime = "not-in-regime";
    public const string NoAgencyStop = "no-agency-stop";
    public const string ExtensionReplacesApology = "extension-replaces-apology";
    public const string ExtensionOnce = "extension-once";
    public const string ExtensionNotProposed = "extension-not-proposed";
    public const string ExtensionDate = "extension-date";
    public const string CloseTooEarly = "close-too-early";
    public const string WithdrawalAfterDecision = "withdrawal-after-decision";
    public const string SupplementAtReceiptOnce = "supplement-at-receipt-once";
    public const string CorrectionNotOpen = "correction-not-open";
    public const string RecomputeRunning = "calendar-recompute-running";
    public const string UnitOverlapsSuccessor = "unit-overlaps-successor";
    public const string UnitNotFound = "unit-not-found";
    public const string NotCompetent = "not-competent";
    public const string NoPart = "no-part";
    public const string PartOnce = "part-once";
    public const string PartNotStarted = "part-not-started";
    public const string PartsOpen = "parts-open";
    public const string ConsultationNotFound = "consultation-not-found";
    public const string ConsultationOnce = "consultation-once";
    public const string AssigneeUnknown = "assignee-unknown";
    public const string AssigneeInactive = "assignee-inactive";
    public const string AssigneeOtherAgency = "assignee-other-agency";
    public const string AssigneeCannotAppraise = "assignee-cannot-appraise";
    public const string ClaimOnlyForOneself = "claim-only-for-oneself";
    public const string AlreadyAssigned = "already-assigned";
    public const string AssignedToAnother = "assigned-to-another";
    public const string PersonNotFound = "person-not-found";
    public const string InvalidClient = "invalid-client";

    // Refusals of the HTTP layer itself, before or around the engine; their titles are their words.
    public const string MalformedRequest = "malformed-request";
    public const string RateLimited = "rate-limited";
    public const string ConcurrentChange = "concurrent-change";
    public const string StorageUnavailable = "storage-unavailable";

    /// <summary>The title of a refusal by <paramref name="rule"/>; an unknown code reads as its words.</summary>
    public static string Title(string rule) => rule switch
    {
        Validation => "The request is invalid",
        InvalidTransition => "Invalid transition",
        StaleVersion => "The dossier changed since you read it",
        NotPermitted => "Not permitted",
        DossierNotFound => "Dossier not found",
        IdempotencyKeyReused => "Idempotency key reused with another body",
        SupplementRequestOnce => "Only one supplement request during processing",
        ApologyOnce => "Only one apology per dossier",
        PaymentAmountMismatch => "The payment does not match the obligation",
        PaymentReferenceUsed => "This payment reference already paid for another dossier (Decree 118/2025 Art. 24)",
        FeeDueAtSubmission => "The fees due at submission are paid as the dossier is filed (Decree 118/2025 Art. 24)",
        ResultTypeNotInCatalogue => "The procedure does not issue this kind of result",
        RequiredComponentsMissing => "A required component is missing (Decree 118/2025 Art. 17)",
        FeedbackNotFound => "Feedback not found",
        ReuseNotTheApplicants => "Only the applicant's own earlier documents are reused (Decree 118/2025 Art. 5(1)(i))",
        ResultNotIssued => "No electronic result has been issued for this dossier",
        FeedbackAnsweredOnce => "A feedback is answered once",
        RatingNotReturned => "Only a returned dossier can be rated",
        RatingOnce => "A dossier is rated once",
        ProcedureNotFound => "Procedure not found",
        ChannelNotOffered => "FilingChannel not offered for this procedure",
        ElectronicIdTaken => "Electronic id already in use",
        NotInRegime => "The dossier's regime has no such action",
        NoAgencyStop => "No agency stop under Decree 118/2025",
        ExtensionReplacesApology => "An apology is an extension proposal under Decree 118/2025",
        ExtensionOnce => "One extension per dossier",
        ExtensionNotProposed => "No extension is proposed",
        ExtensionDate => "The extension's date is not allowed",
        CloseTooEarly => "The closure period has not run",
        WithdrawalAfterDecision => "No withdrawal once the decision exists",
        SupplementAtReceiptOnce => "A supplement is asked once at reception",
        CorrectionNotOpen => "No correction is open",
        RecomputeRunning => "The year's due dates are still being recomputed",
        UnitOverlapsSuccessor => "A unit ends before its successor begins",
        UnitNotFound => "No such unit",
        NotCompetent => "The agency is not competent for this procedure (Decree 118/2025 Art. 14, 20)",
        NoPart => "The agency has no part in this dossier's inter-agency work",
        PartOnce => "An agency completes its part once",
        PartNotStarted => "The agency's turn has not come",
        PartsOpen => "Every agency must complete its part first",
        ConsultationNotFound => "No such consultation",
        ConsultationOnce => "A consultation is answered once",
        AssigneeUnknown => "The person is not in the staff directory",
        AssigneeInactive => "The person is not active",
        AssigneeOtherAgency => "The person works at another agency",
        AssigneeCannotAppraise => "The person's role cannot do this step",
        ClaimOnlyForOneself => "A specialist claims work only for themselves",
        AlreadyAssigned => "The work is already assigned",
        AssignedToAnother => "The work is assigned to another specialist",
        PersonNotFound => "No such person in the staff directory",
        InvalidClient => "The client's credentials are not accepted (RFC 6749 §5.2)",
        _ => rule.Replace('-', ' '),
    };
}
