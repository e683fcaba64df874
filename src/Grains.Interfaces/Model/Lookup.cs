using System.Text.Json.Serialization;

namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>What an anonymous citizen may see of a dossier, given its code and their ID number.</summary>
[GenerateSerializer, Immutable, Alias("hcc.LookupView")]
public sealed record LookupView(
    [property: Id(0)] string Code,
    [property: Id(1)] string ProcedureName,
    [property: Id(2)] DossierStatus Status,
    [property: Id(3)] string StatusName,
    [property: Id(4)] DateTimeOffset? ReceivedAt,
    [property: Id(5)] DateTimeOffset? DueAt,
    [property: Id(6)] DateTimeOffset? RescheduledDueAt,
    [property: Id(7)] DateTimeOffset? CompletedAt,
    [property: Id(8)] DateTimeOffset? ReturnedAt = null,
    [property: Id(9)] SatisfactionRating? Rating = null,
    [property: Id(10)] string? ReceivingUnit = null,
    [property: Id(11)] string? ResultDelivery = null)
{
    /// <summary>What the citizen does next, when the dossier waits for them.</summary>
    [Id(12), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public NextSteps? NextSteps { get; init; }

    /// <summary>The steps the dossier went through that the citizen can follow, oldest first.</summary>
    [Id(13)] public TimelineEntry[] Timeline { get; init; } = [];

    /// <summary>The result was handed back and the applicant has not rated the service yet.</summary>
    public bool CanRate => Status == DossierStatus.Returned && Rating is null;
}

/// <summary>The Vietnamese names of the statuses, as citizens read them.</summary>
public static class StatusNames
{
    public static string Vietnamese(DossierStatus status) => status switch
    {
        DossierStatus.Submitted => "Mới đăng ký, chờ tiếp nhận",
        DossierStatus.Refused => "Từ chối tiếp nhận",
        DossierStatus.Processing => "Đang giải quyết",
        DossierStatus.SupplementRequested => "Yêu cầu bổ sung hồ sơ",
        DossierStatus.AwaitingPayment => "Chờ thực hiện nghĩa vụ tài chính",
        DossierStatus.Withdrawn => "Đã rút hồ sơ",
        DossierStatus.Stopped => "Dừng xử lý",
        DossierStatus.Done => "Đã có kết quả, chờ trả",
        DossierStatus.Returned => "Đã trả kết quả",
        _ => status.ToString(),
    };
}

/// <summary>
/// What the citizen must do now (docs/rules/documents-and-results.md "The citizen's lookup"): the papers to bring and
/// by when, the fee to pay, the reason and new date of an extension, where the result is.
/// </summary>
[GenerateSerializer, Immutable, Alias("hcc.NextSteps")]
public sealed record NextSteps
{
    [Id(0), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string[]? Papers { get; init; }
    [Id(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateTimeOffset? BringBy { get; init; }

    /// <summary>The one-stop unit where papers are brought and the paper result collected (its code).</summary>
    [Id(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Where { get; init; }
    [Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? Fee { get; init; }
    [Id(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? PayUrl { get; init; }
    [Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ExtensionReason { get; init; }
    [Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ResultDelivery { get; init; }
}

/// <summary>One step of the citizen's timeline: when, and what happened.</summary>
[GenerateSerializer, Immutable, Alias("hcc.TimelineEntry")]
public sealed record TimelineEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] DossierAction Action);
