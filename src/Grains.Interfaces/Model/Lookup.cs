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
