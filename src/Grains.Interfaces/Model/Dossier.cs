using System.Text.Json.Serialization;

namespace HccOrleans.Grains.Interfaces.Model;

[GenerateSerializer, Immutable, Alias("hcc.Applicant")]
public sealed record Applicant(
    [property: Id(0)] string Name,
    [property: Id(1)] string IdNumber,
    [property: Id(2)] string Phone,
    [property: Id(3)] string? Email,
    [property: Id(4)] string? Address)
{
    /// <summary>The channel the citizen chose to be told on; without a choice, email when an address is given.</summary>
    // Left out while null, so that bodies fingerprinted before it existed keep their fingerprint.
    [Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public NoticeChannel? Notify { get; init; }
}

/// <summary>
/// A component of the dossier (Decree 118/2025 Art. 17(1), 22; docs/rules/documents-and-results.md "Components"):
/// its name and copies, original or copy, and its electronic copy — a file digitised or uploaded for it, an earlier
/// document of the same applicant reused by reference, or the reason it is exempt.
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.DocumentItem")]
public sealed record DocumentItem(
    [property: Id(0)] string Name,
    [property: Id(1)] int Copies)
{
    // Each left out while null, so that bodies fingerprinted before they existed keep their fingerprint.
    [Id(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Original { get; init; }

    /// <summary>The file digitised at the counter or uploaded online for this component.</summary>
    [Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? FileId { get; init; }

    /// <summary>An earlier document of the same applicant (its file) attached by reference, not asked for again.</summary>
    [Id(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? Reuse { get; init; }

    /// <summary>Why this component has no electronic copy: one of <see cref="ExemptReasons"/>.</summary>
    [Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Exempt { get; init; }

    /// <summary>It has its electronic copy, or needs none.</summary>
    [JsonIgnore] public bool Digitised => FileId is not null || Reuse is not null || Exempt is not null;
}

/// <summary>Why a component needs no electronic copy (docs/rules/documents-and-results.md "Components").</summary>
public static class ExemptReasons
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["in-a-database"] = "Thông tin đã có trong cơ sở dữ liệu quốc gia, chuyên ngành",
        ["electronic-original"] = "Giấy tờ đã ở dạng điện tử có giá trị pháp lý",
        ["cannot-be-scanned"] = "Vật mẫu, tài liệu không thể số hóa",
        ["confidential"] = "Tài liệu mật hoặc pháp luật chuyên ngành không cho số hóa",
    };
}

/// <summary>The body of a submission, as the citizen or officer filed it.</summary>
[GenerateSerializer, Immutable, Alias("hcc.SubmissionRequest")]
public sealed record SubmissionRequest(
    [property: Id(0)] string ProcedureCode,
    [property: Id(1)] string ReceivingUnit,
    [property: Id(2)] FilingChannel Channel,
    [property: Id(3)] Applicant Applicant,
    [property: Id(4)] DocumentItem[] Documents,
    [property: Id(5)] string? PostalTrackingNumber)
{
    /// <summary>The commune that handles a commune-level procedure's dossier, chosen at the counter or by the portal.</summary>
    // Left out while null, so that bodies fingerprinted before it existed keep their fingerprint.
    [Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CompetentAgency { get; init; }

    /// <summary>The fees due at submission, paid as the dossier is filed (Decree 118/2025 Art. 24).</summary>
    [Id(7), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public SubmissionPayment[]? Payments { get; init; }
}

/// <summary>
/// A dossier received away from the competent agency's own one-stop unit (Decree 118/2025 Art. 20(1)): forwarded
/// there, the paper following within a working day; the result comes back to the receiving unit, which returns it.
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.ReceptionRoute")]
public sealed record ReceptionRoute(
    [property: Id(0)] string ForwardedTo,
    [property: Id(1)] UnitLevel ReceivingLevel,
    [property: Id(2)] UnitLevel CompetentLevel);

/// <summary>A fully resolved new dossier: its code is allocated and its procedure and unit looked up.</summary>
[GenerateSerializer, Immutable, Alias("hcc.NewDossier")]
public sealed record NewDossier(
    [property: Id(0)] string Code,
    [property: Id(1)] SubmissionRequest Request,
    [property: Id(2)] ProcedureVersion Procedure,
    [property: Id(3)] DateTimeOffset SubmittedAt,
    [property: Id(4)] Actor SubmittedBy)
{
    [Id(5)] public ReceptionRoute? Route { get; init; }
}

/// <summary>One line of the control log (form 05); never rewritten.</summary>
[GenerateSerializer, Immutable, Alias("hcc.LogEntry")]
public sealed record LogEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Agency,
    [property: Id(3)] DossierAction Action,
    [property: Id(4)] DossierStatus? From,
    [property: Id(5)] ProcessingStep FromStep,
    [property: Id(6)] DossierStatus To,
    [property: Id(7)] ProcessingStep ToStep,
    [property: Id(8)] string? Note);

/// <summary>
/// One escalation occurrence, recorded once: <see cref="Key"/> identifies the occurrence (kind, the
/// deadline it belongs to and, for overdue, the repeat), so retries and failovers never record it twice.
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.EscalationRecord")]
public sealed record EscalationRecord(
    [property: Id(0)] EscalationKind Kind,
    [property: Id(1)] DateTimeOffset DueAt,
    [property: Id(2)] DateTimeOffset FiredAt,
    [property: Id(3)] int Repeat,
    [property: Id(4)] ProcessingStep Step,
    [property: Id(5)] string Agency,
    [property: Id(6)] string Key);

[GenerateSerializer, Immutable, Alias("hcc.ProcedureRef")]
public sealed record ProcedureRef(
    [property: Id(0)] string Code,
    [property: Id(1)] int Version,
    [property: Id(2)] string Name);

/// <summary>The dossier as the API shows it.</summary>
[GenerateSerializer, Immutable, Alias("hcc.DossierSnapshot")]
public sealed record DossierSnapshot
{
    [Id(0)] public required string Code { get; init; }
    [Id(1)] public required long Version { get; init; }
    [Id(2)] public required ProcedureRef Procedure { get; init; }
    [Id(3)] public required string ReceivingUnit { get; init; }
    [Id(4)] public required string HandlingAgency { get; init; }
    [Id(5)] public required FilingChannel Channel { get; init; }
    [Id(6)] public required Applicant Applicant { get; init; }
    [Id(7)] public required DossierStatus Status { get; init; }
    [Id(8)] public required int NationalStatusCode { get; init; }
    [Id(9)] public required ProcessingStep Step { get; init; }
    [Id(10)] public DossierOutcome? Outcome { get; init; }
    [Id(11)] public required DateTimeOffset SubmittedAt { get; init; }
    [Id(12)] public DateTimeOffset? ReceivedAt { get; init; }
    [Id(13)] public DateTimeOffset? DueAt { get; init; }
    [Id(14)] public DateTimeOffset? StepDueAt { get; init; }
    [Id(15)] public DateTimeOffset? RescheduledDueAt { get; init; }
    [Id(16)] public DateTimeOffset? CompletedAt { get; init; }
    [Id(17)] public CompletionClass? Completion { get; init; }
    [Id(18)] public required int SupplementRequests { get; init; }
    [Id(19)] public required decimal PausedWorkingHours { get; init; }
    [Id(20)] public required EscalationRecord[] Escalations { get; init; }
    [Id(21)] public required LogEntry[] Log { get; init; }
    [Id(22)] public DateTimeOffset? ReturnedAt { get; init; }
    [Id(23)] public required DocumentItem[] Documents { get; init; }
    [Id(24)] public string? PostalTrackingNumber { get; init; }
    [Id(25)] public string? StepAgency { get; init; }
    [Id(26)] public string[] SupplementItems { get; init; } = [];
    /// <summary>An overdue escalation fired for the current due date and no apology letter was issued yet.</summary>
    [Id(27)] public bool ApologyRequired { get; init; }
    /// <summary>When the processing clock started at receipt (the next working instant, or the next day after the cut-off).</summary>
    [Id(28)] public DateTimeOffset? ClockStartedAt { get; init; }
    /// <summary>When the dossier was withdrawn or stopped; such dossiers have no completion class.</summary>
    [Id(29)] public DateTimeOffset? ClosedAt { get; init; }
    [Id(30)] public Apology? Apology { get; init; }
    [Id(31)] public PaymentObligation? Payment { get; init; }
    [Id(32)] public CitizenRating? Rating { get; init; }
    [Id(33)] public Regime Regime { get; init; }
    [Id(34)] public ExtensionProposal? Extension { get; init; }
    [Id(35)] public ResultCorrection? Correction { get; init; }
    [Id(36)] public bool SupplementRequestLate { get; init; }
    [Id(37)] public DateTimeOffset? TransferredAt { get; init; }
    /// <summary>
    /// The dossier code as printed and told to the citizen: under Decree 118 issued at receipt (null before, when the
    /// dossier is known by its registration number, <see cref="Code"/>); under Decree 61 the code of submission.
    /// </summary>
    [Id(38)] public string? OfficialCode { get; init; }
    /// <summary>Refused as outside the unit's competence: where the citizen should file instead.</summary>
    [Id(39)] public string? FileWith { get; init; }
    /// <summary>Received away from the competent agency's own one-stop unit: where it was forwarded.</summary>
    [Id(40)] public ReceptionRoute? Route { get; init; }
    /// <summary>Completed late: who made it late, the shares adding up to the lateness in working minutes.</summary>
    [Id(41)] public LatenessShare[]? Lateness { get; init; }
    /// <summary>Inter-agency work: each agency's part and its deadline.</summary>
    [Id(42)] public PartProgress[]? Parts { get; init; }
    [Id(43)] public Consultation[]? Consultations { get; init; }
    /// <summary>The specialist the appraisal is given to, by user name.</summary>
    [Id(44)] public string? Assignee { get; init; }
    /// <summary>The result document issued at approval.</summary>
    [Id(45)] public ResultDocument? Result { get; init; }

    /// <summary>The fees paid as the dossier was filed.</summary>
    [Id(46), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public SubmissionPayment[]? Payments { get; init; }
}
