namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>How a list of dossiers is ordered.</summary>
[GenerateSerializer, Alias("hcc.DossierSort")]
public enum DossierSort
{
    /// <summary>By receipt (submission for dossiers not received yet).</summary>
    Received = 0,
    Due = 1,
    Code = 2,
    /// <summary>By the instant the dossier entered its current step: ascending, the longest waiting first.</summary>
    StepStarted = 3,
}

/// <summary>
/// The filters of <c>GET /api/dossiers</c> and of the work queues; null means "any". <see cref="Matches"/> and
/// <see cref="Order"/> are the in-memory meaning; the PostgreSQL read side translates the same fields to SQL.
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.DossierQuery")]
public sealed record DossierQuery
{
    [Id(0)] public DossierStatus? Status { get; init; }
    [Id(1)] public string? Agency { get; init; }
    [Id(2)] public string? Procedure { get; init; }
    [Id(3)] public FilingChannel? Channel { get; init; }
    [Id(4)] public bool? Overdue { get; init; }
    [Id(5)] public DateTimeOffset? DueBefore { get; init; }
    [Id(6)] public DateTimeOffset? ReceivedFrom { get; init; }
    [Id(7)] public DateTimeOffset? ReceivedTo { get; init; }
    [Id(8)] public int Page { get; init; } = 1;
    [Id(9)] public int PageSize { get; init; } = 20;
    /// <summary>Agency scoping: when set, only dossiers this agency received or handles.</summary>
    [Id(10)] public string? ScopeAgency { get; init; }
    /// <summary>The instant "overdue" is judged at.</summary>
    [Id(11)] public DateTimeOffset Now { get; init; }
    /// <summary>Any of these statuses (with <see cref="Status"/>, both must hold).</summary>
    [Id(12)] public DossierStatus[]? Statuses { get; init; }
    [Id(13)] public ProcessingStep? Step { get; init; }
    /// <summary>The agency that performs the current step.</summary>
    [Id(14)] public string? StepAgency { get; init; }
    [Id(15)] public string? ReceivingUnit { get; init; }
    [Id(16)] public bool? Apologized { get; init; }
    /// <summary>Due at or after this instant.</summary>
    [Id(17)] public DateTimeOffset? DueFrom { get; init; }
    /// <summary>Part of the code or of the applicant's name, case-insensitive.</summary>
    [Id(18)] public string? Text { get; init; }
    [Id(19)] public DossierSort Sort { get; init; }
    [Id(20)] public bool Descending { get; init; } = true;
    /// <summary>Given to this specialist (user name).</summary>
    [Id(21)] public string? Assignee { get; init; }
    /// <summary>Given to someone (true) or to no one (false).</summary>
    [Id(22)] public bool? Assigned { get; init; }

    /// <summary>Words that must all be in the dossier's <see cref="DossierSummary.SearchText"/>, already folded without accents.</summary>
    [Id(23)] public string[]? Search { get; init; }

    public const int MaxPageSize = 200;

    public bool Matches(DossierSummary d) =>
        (Status is null || d.Status == Status)
        && (Statuses is null || Statuses.Contains(d.Status))
        && (Step is null || d.Step == Step)
        && (StepAgency is null || d.StepAgency == StepAgency)
        && (ReceivingUnit is null || d.ReceivingUnit == ReceivingUnit)
        && (Apologized is null || d.Apologized == Apologized)
        && (Agency is null || d.Agencies.Contains(Agency, StringComparer.Ordinal))
        && (ScopeAgency is null || d.Agencies.Contains(ScopeAgency, StringComparer.Ordinal))
        && (Procedure is null || d.Procedure.Code == Procedure)
        && (Channel is null || d.Channel == Channel)
        && (Overdue is null || d.IsOverdueAt(Now) == Overdue)
        && (DueBefore is null || (d.DueAt is { } due && due < DueBefore))
        && (DueFrom is null || (d.DueAt is { } dueFrom && dueFrom >= DueFrom))
        && (ReceivedFrom is null || (d.ReceivedAt is { } from && from >= ReceivedFrom))
        && (ReceivedTo is null || (d.ReceivedAt is { } to && to < ReceivedTo))
        && (Assignee is null || d.Assignee == Assignee)
        && (Assigned is null || (d.Assignee is not null) == Assigned)
        && (Text is null || d.Code.Contains(Text, StringComparison.OrdinalIgnoreCase) || d.ApplicantName.Contains(Text, StringComparison.OrdinalIgnoreCase))
        && (Search is null || Search.All(word => d.SearchText?.Contains(word, StringComparison.Ordinal) == true));

    /// <summary>The query's order; ties broken by code so that pages never overlap. Dossiers without the sort key come last.</summary>
    public IEnumerable<DossierSummary> Order(IEnumerable<DossierSummary> dossiers)
    {
        Func<DossierSummary, DateTimeOffset?> key = Sort switch
        {
            DossierSort.Due => d => d.DueAt,
            DossierSort.StepStarted => d => d.StepStartedAt,
            DossierSort.Code => _ => null,
            _ => d => d.ReceivedAt ?? d.SubmittedAt,
        };
        var present = dossiers.OrderBy(d => key(d) is null);
        var ordered = Sort == DossierSort.Code
            ? Descending ? present.ThenByDescending(d => d.Code, StringComparer.Ordinal) : present.ThenBy(d => d.Code, StringComparer.Ordinal)
            : Descending ? present.ThenByDescending(key) : present.ThenBy(key);
        return ordered.ThenBy(d => d.Code, StringComparer.Ordinal);
    }
}
