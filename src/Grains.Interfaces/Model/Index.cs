namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>A dossier as the index holds it: what lists, filters and reports need, without the log.</summary>
[GenerateSerializer, Immutable, Alias("hcc.DossierSummary")]
public sealed record DossierSummary
{
    [Id(0)] public required string Code { get; init; }
    [Id(1)] public required long Version { get; init; }
    [Id(2)] public required ProcedureRef Procedure { get; init; }
    [Id(3)] public required string Field { get; init; }
    [Id(4)] public required string ReceivingUnit { get; init; }
    [Id(5)] public required string HandlingAgency { get; init; }
    [Id(6)] public string? StepAgency { get; init; }
    [Id(7)] public required string[] Agencies { get; init; }
    [Id(8)] public required FilingChannel Channel { get; init; }
    [Id(9)] public required string ApplicantName { get; init; }
    [Id(10)] public required DossierStatus Status { get; init; }
    [Id(11)] public required int NationalStatusCode { get; init; }
    [Id(12)] public required ProcessingStep Step { get; init; }
    [Id(13)] public required DateTimeOffset SubmittedAt { get; init; }
    [Id(14)] public DateTimeOffset? ReceivedAt { get; init; }
    [Id(15)] public DateTimeOffset? DueAt { get; init; }
    [Id(16)] public DateTimeOffset? StepDueAt { get; init; }
    [Id(17)] public DateTimeOffset? RescheduledDueAt { get; init; }
    [Id(18)] public DateTimeOffset? CompletedAt { get; init; }
    [Id(19)] public DateTimeOffset? ReturnedAt { get; init; }
    [Id(20)] public CompletionClass? Completion { get; init; }
    [Id(21)] public DossierOutcome? Outcome { get; init; }
    [Id(22)] public required int SupplementRequests { get; init; }
    [Id(23)] public required decimal PausedWorkingHours { get; init; }
    [Id(24)] public required bool Apologized { get; init; }
    /// <summary>Working hours from the clock start to completion, less supplement pauses; null until finished.</summary>
    [Id(25)] public decimal? ResolutionWorkingHours { get; init; }
    /// <summary>When the dossier was withdrawn or stopped.</summary>
    [Id(26)] public DateTimeOffset? ClosedAt { get; init; }
    /// <summary>The online level of the procedure version the dossier follows (full or partial online rates).</summary>
    [Id(27)] public OnlineLevel OnlineLevel { get; init; }
    /// <summary>Every change of the due instant in force, and every clock stop, since receipt.</summary>
    [Id(28)] public DueChange[] DueHistory { get; init; } = [];
    [Id(29)] public SatisfactionRating? Rating { get; init; }
    [Id(30)] public DateTimeOffset? RatedAt { get; init; }
    /// <summary>When the dossier entered its current step (the time it has spent there is counted from here).</summary>
    [Id(31)] public DateTimeOffset? StepStartedAt { get; init; }
    /// <summary>The specialist the appraisal is given to, by user name.</summary>
    [Id(32)] public string? Assignee { get; init; }
    /// <summary>Who ended each step, when, and the lateness shared to that step: what per-person figures count.</summary>
    [Id(33)] public StepHandler[] Handlers { get; init; } = [];
    /// <summary>What the dossier adds to Decision 766's figures (payment method, rating items); null when nothing.</summary>
    [Id(34)] public DossierFigures? Figures { get; init; }

    /// <summary>
    /// What the staff search box finds the dossier by, folded without accents: its official code, its registration
    /// number, the applicant's ID number and name. Not in the API's lists (the ID number is the applicant's).
    /// </summary>
    [Id(35), System.Text.Json.Serialization.JsonIgnore] public string? SearchText { get; init; }

    /// <summary>Processing past its due instant at <paramref name="now"/>.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => Status == DossierStatus.Processing && DueAt is { } due && due < now;

    /// <summary>Waiting on the applicant (a supplement or a payment): the clock is stopped.</summary>
    public bool IsPaused => Status is DossierStatus.SupplementRequested or DossierStatus.AwaitingPayment;
}

/// <summary>A step of a dossier ended by a person (its log's entry leaving the step), with the lateness minutes shared to that step.</summary>
[GenerateSerializer, Immutable, Alias("hcc.StepHandler")]
public sealed record StepHandler(
    [property: Id(0)] ProcessingStep Step,
    [property: Id(1)] string By,
    [property: Id(2)] string Agency,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] int LateMinutes);

[GenerateSerializer, Immutable, Alias("hcc.DossierPage")]
public sealed record DossierPage(
    [property: Id(0)] DossierSummary[] Items,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize,
    [property: Id(3)] long Total);

/// <summary>One recorded escalation occurrence, as <c>GET /api/escalations</c> lists it.</summary>
[GenerateSerializer, Immutable, Alias("hcc.EscalationEntry")]
public sealed record EscalationEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string DossierCode,
    [property: Id(2)] EscalationKind Kind,
    [property: Id(3)] ProcessingStep Step,
    [property: Id(4)] string Agency,
    [property: Id(5)] DateTimeOffset DueAt,
    [property: Id(6)] DateTimeOffset FiredAt,
    [property: Id(7)] int Repeat);

[GenerateSerializer, Immutable, Alias("hcc.EscalationQuery")]
public sealed record EscalationQuery(
    [property: Id(0)] string? Agency,
    [property: Id(1)] EscalationKind? Kind,
    [property: Id(2)] DateTimeOffset? From,
    [property: Id(3)] DateTimeOffset? To)
{
    public bool Matches(EscalationEntry e) =>
        (Agency is null || e.Agency == Agency) && (Kind is null || e.Kind == Kind)
        && (From is null || e.FiredAt >= From) && (To is null || e.FiredAt < To);
}
