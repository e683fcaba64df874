using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Silo.Seed;

/// <summary>
/// A dozen procedures of Đà Nẵng city's catalogue, of both levels, under their national-database style codes and
/// fields: the departments' own, and the commune-level ones every ward and commune handles (each dossier names its
/// commune). A demo, not the legal catalogue: the city's published list is what an administrator loads.
/// </summary>
public static class DaNang2026Procedures
{
    public static readonly (string Code, ProcedureDefinition Definition)[] All =
    [
        Province("2.001610", "Đăng ký thành lập doanh nghiệp tư nhân", DaNang2026.Finance, "Thành lập và hoạt động doanh nghiệp", 3, OnlineLevel.Full, 50_000m),
        Province("2.002011", "Đăng ký thay đổi nội dung đăng ký doanh nghiệp", DaNang2026.Finance, "Thành lập và hoạt động doanh nghiệp", 3, OnlineLevel.Full, 50_000m),
        Province("1.002861", "Cấp Giấy phép kinh doanh vận tải bằng xe ô tô", DaNang2026.Construction, "Đường bộ", 5, OnlineLevel.Full, 200_000m),
        Province("1.004253", "Cấp giấy phép khai thác, sử dụng nước mặt", DaNang2026.Agriculture, "Tài nguyên nước", 30, OnlineLevel.Partial, 1_000_000m,
            [new(ProcessingStep.Appraise, DaNang2026.Agriculture, 0.7m), new(ProcessingStep.Approve, DaNang2026.Committee, 0.2m), new(ProcessingStep.Return, DaNang2026.Agriculture, 0.1m)]),
        Province("1.003702", "Cấp giấy phép hoạt động in", DaNang2026.Science, "Xuất bản, In và Phát hành", 5, OnlineLevel.Full, 0m),
        Province("1.002430", "Cấp chứng chỉ hành nghề dược", "DNG-SYT", "Dược phẩm", 10, OnlineLevel.Full, 500_000m),
        Province("2.000633", "Cấp Giấy phép bán buôn sản phẩm rượu", "DNG-SCT", "Lưu thông hàng hóa trong nước", 15, OnlineLevel.Full, 2_200_000m),
        Province("1.001756", "Đăng ký hoạt động Văn phòng công chứng", DaNang2026.Justice, "Công chứng", 10, OnlineLevel.Partial, 1_000_000m),
        // Inter-agency: Finance leads; Construction and Agriculture and Environment give their parts after it (at once online).
        Province("1.009645", "Quyết định chấp thuận chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh", DaNang2026.Finance, "Đầu tư tại Việt Nam", 20,
            OnlineLevel.Partial, 0m, [new(ProcessingStep.Appraise, DaNang2026.Finance, 0.7m), new(ProcessingStep.Approve, DaNang2026.Committee, 0.2m),
                new(ProcessingStep.Return, DaNang2026.Finance, 0.1m)],
            [new(DaNang2026.Finance, 1, new(3, TimeUnit.WorkingDays)), new(DaNang2026.Construction, 2, new(5, TimeUnit.WorkingDays)),
                new(DaNang2026.Agriculture, 2, new(5, TimeUnit.WorkingDays))]),
        Commune("1.001193", "Đăng ký khai sinh", "Hộ tịch", new(8, TimeUnit.WorkingHours), OnlineLevel.Full, 0m),
        Commune("1.000894", "Đăng ký kết hôn", "Hộ tịch", new(5, TimeUnit.WorkingDays), OnlineLevel.Partial, 0m),
        Commune("2.000908", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận", "Chứng thực",
            new(8, TimeUnit.WorkingHours), OnlineLevel.Partial, 2_000m),
        Commune("1.011618", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Hoạt động xây dựng", new(15, TimeUnit.WorkingDays), OnlineLevel.Partial, 75_000m),
    ];

    private static (string, ProcedureDefinition) Province(
        string code, string name, string agency, string field, decimal workingDays, OnlineLevel online, decimal fee, StepAssignment[]? steps = null,
        AgencyPart[]? agencies = null) =>
        ($"{code}.000.00.00.H17", new ProcedureDefinition(name, agency, field, online, true, fee, new ProcessingTime(workingDays, TimeUnit.WorkingDays), null, steps ?? [], null)
        {
            CompetentLevel = UnitLevel.Province,
            LeadAgency = agencies is null ? null : agency,
            Agencies = agencies,
        });

    private static (string, ProcedureDefinition) Commune(string code, string name, string field, ProcessingTime time, OnlineLevel online, decimal fee) =>
        ($"{code}.000.00.00.H17", new ProcedureDefinition(name, "", field, online, true, fee, time, null, [], null) { CompetentLevel = UnitLevel.Commune });
}
