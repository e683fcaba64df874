using System.Text.Json.Serialization;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Regimes;

namespace HccOrleans.Grains.Dossiers;

/// <summary>
/// The persisted dossier. Immutable: every accepted command produces a new instance, so a failed
/// write can put the previous one back untouched. Ids are forever; add, never renumber.
/// </summary>
[GenerateSerializer, Alias("hcc.DossierState")]
public sealed record DossierState
{
    /// <summary>0 while the dossier does not exist; +1 per accepted command (the ETag).</summary>
    [Id(0)] public long Version { get; init; }
    [Id(1)] public string Code { get; init; } = "";
    [Id(2)] public DossierStatus Status { get; init; }
    [Id(3)] public ProcessingStep Step { get; init; }
    [Id(4)] public ProcedureVersion? Procedure { get; init; }
    [Id(5)] public SubmissionRequest? Request { get; init; }
    [Id(6)] public DateTimeOffset SubmittedAt { get; init; }
    [Id(7)] public DateTimeOffset? ReceivedAt { get; init; }
    /// <summary>When the processing clock started (receipt, or the restart after a supplement).</summary>
    [Id(8)] public DateTimeOffset? ClockStartedAt { get; init; }
    /// <summary>The working time the procedure grants, the base of every step share.</summary>
    [Id(9)] public TimeSpan Budget { get; init; }
    [Id(10)] public DateTimeOffset? DueAt { get; init; }
    [Id(11)] public DateTimeOffset? StepStartedAt { get; init; }
    [Id(12)] public DateTimeOffset? StepDueAt { get; init; }
    [Id(13)] public DateTimeOffset? RescheduledDueAt { get; init; }
    [Id(14)] public DateTimeOffset? CompletedAt { get; init; }
    [Id(15)] public DateTimeOffset? ReturnedAt { get; init; }
    [Id(16)] public CompletionClass? Completion { get; init; }
    [Id(17)] public AppraisalOutcome? Appraisal { get; init; }
    [Id(18)] public DossierOutcome? Outcome { get; init; }
    [Id(19)] public int SupplementRequests { get; init; }
    [Id(20)] public bool SupplementRequestedInAppraisal { get; init; }
    [Id(21)] public DateTimeOffset? PausedAt { get; init; }
    [Id(22)] public TimeSpan PausedWorkingTime { get; init; }
    [Id(23)] public string[] SupplementItems { get; init; } = [];
    [Id(24)] public bool Apologized { get; init; }
    [Id(25)] public bool HandlingStarted { get; init; }
    [Id(26)] public ReturnMethod? ReturnMethod { get; init; }
    [Id(27)] public LogEntry[] Log { get; init; } = [];
    [Id(28)] public EscalationRecord[] Escalations { get; init; } = [];
    /// <summary>When the deadline reminder is registered to fire next; null when none is registered.</summary>
    [Id(29)] public DateTimeOffset? WakeAt { get; init; }
    /// <summary>Working hours from the clock start to completion, less supplement pauses.</summary>
    [Id(30)] public decimal? ResolutionWorkingHours { get; init; }
    /// <summary>When the clock started at receipt; unlike <see cref="ClockStartedAt"/>, a restart after a supplement never moves it.</summary>
    [Id(31)] public DateTimeOffset? ReceiptClockStartedAt { get; init; }
    /// <summary>When the dossier was withdrawn or stopped.</summary>
    [Id(32)] public DateTimeOffset? ClosedAt { get; init; }
    [Id(33)] public Apology? Apology { get; init; }
    [Id(34)] public PaymentObligation? Payment { get; init; }
    [Id(35)] public CitizenRating? Rating { get; init; }
    /// <summary>Every change of the due instant in force since receipt, for reports judged at a past instant.</summary>
    [Id(36)] public DueChange[] DueHistory { get; init; } = [];
    /// <summary>The regime the dossier is handled under; null on dossiers stored before regimes were recorded (see <c>Regimes.Of</c>).</summary>
    [Id(37)] public Regime? Regime { get; init; }
    // Left out of the stored JSON while false, so that rows written before these existed write back byte for byte.
    [Id(38), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool SupplementRequestedAtReceipt { get; init; }
    /// <summary>The appraisal-stage supplement request came after the period the regime allows (recorded, still allowed).</summary>
    [Id(39), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool SupplementRequestLate { get; init; }
    [Id(40)] public ExtensionProposal? Extension { get; init; }
    [Id(41)] public ResultCorrection? Correction { get; init; }
    /// <summary>When the one-stop unit handed the paper dossier to the handling agency.</summary>
    [Id(42)] public DateTimeOffset? TransferredAt { get; init; }
    /// <summary>The official code issued at receipt (Decree 118); <see cref="Code"/> is then the registration number.</summary>
    [Id(43)] public string? OfficialCode { get; init; }
    /// <summary>Refused as outside the unit's competence: where the citizen should file instead.</summary>
    [Id(44)] public string? FileWith { get; init; }
    /// <summary>The last calendar change whose due dates this dossier took, so that a repeated call moves nothing twice.</summary>
    [Id(45), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CalendarChange { get; init; }

    /// <summary>Received away from the competent agency's own one-stop unit: where it was forwarded (Art. 20(1)).</summary>
    [Id(46), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ReceptionRoute? Route { get; init; }

    /// <summary>Completed late: the lateness shared among the parts that overran their allowance.</summary>
    [Id(47), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public LatenessShare[]? Lateness { get; init; }

    /// <summary>Inter-agency work: each agency's part, started when appraisal starts (all at once, or one order after another).</summary>
    [Id(48), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public PartProgress[]? Parts { get; init; }

    /// <summary>Opinions asked of other agencies, answered or not.</summary>
    [Id(49), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Consultation[]? Consultations { get; init; }

    /// <summary>The specialist the appraisal is given to, by user name; kept when the step moves on, so a send-back finds them.</summary>
    [Id(50), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Assignee { get; init; }

    /// <summary>The result document issued at approval, with the files it had before any correction.</summary>
    [Id(51), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ResultDocument? Result { get; init; }

    public bool Exists => Version > 0;

    /// <summary>The agencies that take part in the dossier beyond its receiving unit: handling, forwarded to, consulted. They read it and find it in their index.</summary>
    public IEnumerable<string> InvolvedAgencies() =>
        Procedure!.Definition.HandlingAgencies().Concat(Route is { } route ? [route.ForwardedTo] : []).Concat((Consultations ?? []).Select(c => c.Agency));

    /// <summary>The rules of the regime the dossier's deadlines are counted under, as it stands.</summary>
    public RegimeRules Rules() => Request is null ? InForce.Decree61
        : InForce.Of(new DossierRegimeFacts(Regime, Request.Channel, SubmittedAt, ReceivedAt), ReceivedAt ?? SubmittedAt).For(Procedure?.Definition);

    public DeadlineView DeadlineView() => new(Status, Step, DueAt, StepDueAt, StepStartedAt, PausedAt)
    {
        Rules = Rules(),
        Channel = Request?.Channel ?? FilingChannel.Direct,
        SubmittedAt = SubmittedAt,
        PaymentRequestedAt = Status == DossierStatus.AwaitingPayment ? Payment?.RequestedAt : null,
        CorrectionDueAt = Correction is { CorrectedAt: null } open ? open.DueAt : null,
        Parts = Parts ?? [],
        Consultations = Consultations ?? [],
    };

    public IReadOnlySet<string> RecordedEscalations => Escalations.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
}
