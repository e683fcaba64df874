using System.Text.Json.Serialization;

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
    /// <summary>Received on paper: the one-stop unit hands the dossier to the handling agency (Decree 118 regime).</summary>
    Transfer = 4,
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
    /// <summary>The one-stop unit hands a paper dossier to the handling agency.</summary>
    Transfer = 15,
    /// <summary>The one-stop unit closes a dossier whose supplement never came, once the closure period has run.</summary>
    Close = 16,
    /// <summary>The handling agency's apology and request for a later date (form 04).</summary>
    ProposeExtension = 17,
    /// <summary>The one-stop unit puts the proposed date in force and tells the citizen.</summary>
    ConfirmExtension = 18,
    /// <summary>The one-stop unit closes the proposal; the due date stays.</summary>
    DeclineExtension = 19,
    /// <summary>A returned result was wrong: its correction is due within the regime's period.</summary>
    CorrectResult = 20,
    /// <summary>The administrator changed a year's calendar and chose to move open dossiers' due dates with it.</summary>
    RecomputeDue = 21,
    /// <summary>An agency of inter-agency work ends its part; under sequential work the next agency's part starts.</summary>
    CompletePart = 22,
    /// <summary>The appraising specialist asks another agency's opinion, by a date.</summary>
    Consult = 23,
    /// <summary>The consulted agency answers.</summary>
    AnswerConsultation = 24,
    /// <summary>A leader gives the appraisal to a named specialist of the agency, or a specialist claims it while no one has it.</summary>
    Assign = 25,
}

/// <summary>How the agencies of inter-agency work take their parts (Decree 118/2025 Art. 20(2)).</summary>
[GenerateSerializer, Alias("hcc.InterAgencyMode")]
public enum InterAgencyMode
{
    /// <summary>One after another, as paper passes agency to agency with a transfer slip.</summary>
    Sequential = 1,
    /// <summary>All at once, as an electronic dossier reaches every agency together.</summary>
    Parallel = 2,
    /// <summary>Sequential for paper, parallel for an online dossier: the decree's own rule, and the default.</summary>
    ByChannel = 3,
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

/// <summary>What a unit does for dossiers. Stored rows written before v2.0 say one-stop and agency: see <see cref="UnitKindWords"/>.</summary>
[GenerateSerializer, Alias("hcc.UnitKind")]
public enum UnitKind
{
    /// <summary>A provincial or commune Public Administration Service Center, or a ministry's one-stop unit: receives and returns.</summary>
    ServiceCenter = 1,
    /// <summary>Appraises and decides: a department, a commune's People's Committee, a vertical-sector agency.</summary>
    HandlingAgency = 2,
    /// <summary>A counter of a service center elsewhere in its area: receives and returns like it.</summary>
    ReceptionPoint = 3,
}

/// <summary>The level of government a unit belongs to; since 1 July 2025 local government has two.</summary>
[GenerateSerializer, Alias("hcc.UnitLevel")]
public enum UnitLevel
{
    Ministry = 1,
    Province = 2,
    Commune = 3,
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
    /// <summary>The closure period of an appraisal-stage supplement request ran out: the dossier joins the officer's close queue.</summary>
    SupplementUnanswered = 4,
    /// <summary>A financial obligation stayed unmet for the regime's period: the one-stop unit is told (no stop).</summary>
    PaymentUnmet = 5,
    /// <summary>An online dossier acknowledged this long ago (clock time) still waits: the unit's officers are alerted.</summary>
    OnlineAlert = 6,
    /// <summary>An online dossier passed its reception limit in working time without being received, refused or sent back once.</summary>
    OnlineReceptionOverdue = 7,
    /// <summary>A wrong result was not corrected within its period.</summary>
    CorrectionOverdue = 8,
    /// <summary>Not an escalation: the citizen is told that a calendar change moved their appointment.</summary>
    DueDateChanged = 9,
    /// <summary>An agency's part of inter-agency work passed its time limit: that agency's leader and the lead agency are told.</summary>
    PartOverdue = 10,
    /// <summary>A consultation passed its date unanswered: the one-stop unit's head and the consulted agency's leader are told.</summary>
    ConsultationOverdue = 11,
    /// <summary>Not an escalation: the competent agency's own one-stop unit is told of a dossier received elsewhere for it.</summary>
    Forwarded = 12,
    /// <summary>Not an escalation: the citizen is told of a step of their dossier on the channel they chose.</summary>
    CitizenNotice = 13,
    /// <summary>Not an escalation: a status change sent to the National Public Service Portal.</summary>
    PortalSync = 14,
    /// <summary>Not an escalation: a payment request sent to the payment platform, for the citizen to pay online.</summary>
    PaymentOrder = 15,
}

/// <summary>Which payments' references are the only ones of their kind.</summary>
public static class PaymentMethods
{
    /// <summary>
    /// A platform's or a bank's transaction id belongs to one payment; a counter receipt's number repeats across units
    /// and receipt books, so it is not held unique.
    /// </summary>
    public static bool HoldsReference(this PaymentMethod? method) => method is PaymentMethod.Online or PaymentMethod.Transfer;
}

/// <summary>How a fee or charge was paid (Decree 118/2025 Art. 24).</summary>
[GenerateSerializer, Alias("hcc.PaymentMethod")]
public enum PaymentMethod
{
    /// <summary>In cash or by card at the counter, against a receipt.</summary>
    Counter = 1,
    /// <summary>By bank transfer, with its reference.</summary>
    Transfer = 2,
    /// <summary>Through the payment platform, with its transaction reference.</summary>
    Online = 3,
}

/// <summary>Where the citizen is told of their dossier (Decree 118/2025 Art. 17(2), 19(6)).</summary>
[GenerateSerializer, Alias("hcc.NoticeChannel")]
public enum NoticeChannel
{
    Email = 1,
    Sms = 2,
    Zalo = 3,
    /// <summary>The citizen's account on the National Public Service Portal.</summary>
    Portal = 4,
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
    /// <summary>The one-stop unit confirmed the handling agency's extension: the proposed date is in force.</summary>
    Extended = 6,
    /// <summary>The year's calendar changed and the center chose to move the due dates it had issued.</summary>
    CalendarChanged = 7,
}

/// <summary>The legal regime a dossier is handled under, fixed by its receipt (online: submission) instant; kept for life.</summary>
[GenerateSerializer, Alias("hcc.Regime")]
public enum Regime
{
    [JsonStringEnumMemberName("decree-61-2018")]
    Decree61Of2018 = 1,
    [JsonStringEnumMemberName("decree-118-2025")]
    Decree118Of2025 = 2,
}

/// <summary>Where an extension proposal stands.</summary>
[GenerateSerializer, Alias("hcc.ExtensionDecision")]
public enum ExtensionDecision
{
    Proposed = 1,
    Confirmed = 2,
    Declined = 3,
}

/// <summary>The actions that move a dossier, as against the lines the engine writes in its log for a change made elsewhere.</summary>
public static class DossierActions
{
    /// <summary>Every action someone asks of a dossier (submission included): all but the calendar's recompute.</summary>
    public static readonly DossierAction[] Moves = [.. Enum.GetValues<DossierAction>().Where(a => a != DossierAction.RecomputeDue)];
}
