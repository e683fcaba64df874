namespace HccOrleans.Grains.Interfaces.Model;

// Enum member values are persisted and cross the wire: append new members, never renumber.

/// <summary>Dossier status of docs/rules/lifecycle.md; the national (DVCQG) code is derived in <c>NationalStatus</c>.</summary>
[GenerateSerializer, Alias("hcc.DossierStatus")]
public enum DossierStatus
{
    Submitted = 1,
    Refused = 2,
    Processing = 3,
    SupplementRequested = 4,
    Withdrawn = 5,
    Done = 6,
    Returned = 7,
    /// <summary>Waiting for the applicant to meet a financial obligation set during appraisal; the clock is paused.</summary>
    AwaitingPayment = 8,
    /// <summary>The handling agency stopped processing, or an unanswered request timed out; terminal.</summary>
    Stopped = 9,
}

/// <summary>The internal processing step a dossier is in; <see cref="None"/> outside processing.</summary>
[GenerateSerializer, Alias("hcc.ProcessingStep")]
public enum ProcessingStep
{
    None = 0,
    Appraise = 1,
    Approve = 2,
    Return = 3,
}

[GenerateSerializer, Alias("hcc.DossierAction")]
public enum DossierAction
{
    Submit = 1,
    Receive = 2,
    Refuse = 3,
    RequestSupplement = 4,
    Supplement = 5,
    Appraise = 6,
    Approve = 7,
    SendBack = 8,
    Return = 9,
    Withdraw = 10,
    Apologize = 11,
    RequestPayment = 12,
    Pay = 13,
    Stop = 14,
}

[GenerateSerializer, Alias("hcc.Role")]
public enum Role
{
    Officer = 1,
    Specialist = 2,
    Leader = 3,
    Director = 4,
    Admin = 5,
    Portal = 6,
    /// <summary>The engine itself (timeouts); never granted by a token.</summary>
    System = 7,
}

[GenerateSerializer, Alias("hcc.Channel")]
public enum FilingChannel
{
    Direct = 1,
    Online = 2,
    Postal = 3,
}

[GenerateSerializer, Alias("hcc.TimeUnit")]
public enum TimeUnit
{
    WorkingDays = 1,
    WorkingHours = 2,
    Days = 3,
}

[GenerateSerializer, Alias("hcc.OnlineLevel")]
public enum OnlineLevel
{
    None = 0,
    Partial = 1,
    Full = 2,
}

[GenerateSerializer, Alias("hcc.SupplementPolicy")]
public enum SupplementPolicy
{
    Pause = 1,
    Restart = 2,
}

[GenerateSerializer, Alias("hcc.AppraisalOutcome")]
public enum AppraisalOutcome
{
    Eligible = 1,
    Ineligible = 2,
}

[GenerateSerializer, Alias("hcc.DossierOutcome")]
public enum DossierOutcome
{
    Granted = 1,
    Denied = 2,
}

[GenerateSerializer, Alias("hcc.CompletionClass")]
public enum CompletionClass
{
    Early = 1,
    OnTime = 2,
    Late = 3,
}

[GenerateSerializer, Alias("hcc.ReturnMethod")]
public enum ReturnMethod
{
    Counter = 1,
    Postal = 2,
    Online = 3,
}

[GenerateSerializer, Alias("hcc.UnitKind")]
public enum UnitKind
{
    OneStop = 1,
    Agency = 2,
}

[GenerateSerializer, Alias("hcc.EscalationKind")]
public enum EscalationKind
{
    /// <summary>At most one working day remains: the step's handler and the one-stop unit are told.</summary>
    DueSoon = 1,
    /// <summary>The current step's due instant passed: the step agency's leader is told.</summary>
    StepOverdue = 2,
    /// <summary>The dossier's due instant passed: the director and the agency head are told, every working day.</summary>
    Overdue = 3,
}

/// <summary>The citizen's rating of a returned dossier (Decision 766/QĐ-TTg satisfaction index).</summary>
[GenerateSerializer, Alias("hcc.SatisfactionRating")]
public enum SatisfactionRating
{
    VerySatisfied = 1,
    Satisfied = 2,
    Dissatisfied = 3,
}

/// <summary>Why the due date in force changed, or the clock stopped (see <see cref="DueChange"/>).</summary>
[GenerateSerializer, Alias("hcc.DueChangeReason")]
public enum DueChangeReason
{
    /// <summary>Received: the clock starts and the first due date is fixed.</summary>
    Received = 1,
    /// <summary>A supplement was requested during processing: the clock stops.</summary>
    SupplementRequested = 2,
    /// <summary>The supplement arrived: the clock runs again with a shifted (pause) or recomputed (restart) due date.</summary>
    Supplemented = 3,
    /// <summary>A financial obligation was set: the clock stops.</summary>
    PaymentRequested = 4,
    /// <summary>The obligation was met: the clock runs again with the due date shifted by the pause.</summary>
    Paid = 5,
}
