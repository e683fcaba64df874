using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Silo.Seed;

/// <summary>
/// The 2019 Quảng Nam catalogue the replay files against. A realistic slice of a province's catalogue: national-style codes, Vietnamese names and the
/// processing times such procedures carry. Not the legal catalogue: a demo that exercises every
/// unit, channel rule, supplement policy and the liên thông (inter-agency) case.
/// </summary>
public static class QuangNam2019Procedures
{
    public static readonly (string Code, ProcedureDefinition Definition)[] All =
    [
        P("2.000633.000.00.00.H47", "Cấp Giấy phép bán buôn sản phẩm rượu", "SCT", "Lưu thông hàng hóa trong nước", 15, OnlineLevel.Full, true, 2_200_000m),
        P("2.000645.000.00.00.H47", "Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai", "SCT", "Kinh doanh khí", 15, OnlineLevel.Full, true, 400_000m),
        P("2.000176.000.00.00.H47", "Cấp Giấy phép sử dụng vật liệu nổ công nghiệp", "SCT", "Vật liệu nổ công nghiệp", 7, OnlineLevel.Partial, false, 0m),
        P("1.000374.000.00.00.H47", "Cấp thẻ kiểm tra viên điện lực", "SCT", "Điện", 5, OnlineLevel.Full, true, 0m, onlineDays: 4),
        P("1.002809.000.00.00.H47", "Cấp đổi giấy phép lái xe do ngành Giao thông vận tải cấp", "SGTVT", "Đường bộ", 5, OnlineLevel.Full, true, 135_000m, onlineDays: 3),
        P("1.002861.000.00.00.H47", "Cấp Giấy phép kinh doanh vận tải bằng xe ô tô", "SGTVT", "Đường bộ", 5, OnlineLevel.Full, true, 200_000m),
        P("1.002856.000.00.00.H47", "Cấp phù hiệu xe ô tô kinh doanh vận tải", "SGTVT", "Đường bộ", 2, OnlineLevel.Full, true, 0m),
        P("1.001022.000.00.00.H47", "Cấp giấy phép thi công công trình trên đường bộ đang khai thác", "SGTVT", "Đường bộ", 7, OnlineLevel.Partial, false, 0m),
        P("2.001610.000.00.00.H47", "Đăng ký thành lập doanh nghiệp tư nhân", "SKHDT", "Thành lập và hoạt động doanh nghiệp", 3, OnlineLevel.Full, true, 50_000m),
        P("2.001199.000.00.00.H47", "Đăng ký thành lập công ty TNHH một thành viên", "SKHDT", "Thành lập và hoạt động doanh nghiệp", 3, OnlineLevel.Full, true, 50_000m),
        P("2.002011.000.00.00.H47", "Đăng ký thay đổi nội dung đăng ký doanh nghiệp", "SKHDT", "Thành lập và hoạt động doanh nghiệp", 3, OnlineLevel.Full, true, 50_000m),
        P("1.009645.000.00.00.H47", "Quyết định chấp thuận chủ trương đầu tư của UBND cấp tỉnh", "SKHDT", "Đầu tư tại Việt Nam", 35, OnlineLevel.Partial, false, 0m,
            unit: TimeUnit.Days, steps: [new(ProcessingStep.Appraise, "SKHDT", 0.6m), new(ProcessingStep.Approve, "UBND", 0.3m), new(ProcessingStep.Return, "SKHDT", 0.1m)]),
        P("1.004253.000.00.00.H47", "Cấp giấy phép khai thác, sử dụng nước mặt", "STNMT", "Tài nguyên nước", 30, OnlineLevel.Partial, false, 1_000_000m,
            steps: [new(ProcessingStep.Appraise, "STNMT", 0.7m), new(ProcessingStep.Approve, "UBND", 0.2m), new(ProcessingStep.Return, "STNMT", 0.1m)]),
        P("1.010727.000.00.00.H47", "Cấp giấy phép môi trường", "STNMT", "Môi trường", 30, OnlineLevel.Partial, false, 0m, unit: TimeUnit.Days, policy: SupplementPolicy.Restart),
        P("1.003010.000.00.00.H47", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "STNMT", "Đất đai", 10, OnlineLevel.Partial, true, 0m),
        P("1.000778.000.00.00.H47", "Cung cấp dữ liệu đất đai", "STNMT", "Đất đai", 16, OnlineLevel.Full, true, 0m, unit: TimeUnit.WorkingHours),
        P("1.001029.000.00.00.H47", "Cấp giấy phép tổ chức biểu diễn nghệ thuật", "SVHTTDL", "Nghệ thuật biểu diễn", 5, OnlineLevel.Full, true, 0m),
        P("1.004628.000.00.00.H47", "Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa", "SVHTTDL", "Lữ hành", 10, OnlineLevel.Full, true, 3_000_000m),
        P("1.001451.000.00.00.H47", "Công nhận hạng cơ sở lưu trú du lịch hạng 1 sao, 2 sao", "SVHTTDL", "Du lịch", 30, OnlineLevel.Partial, false, 1_500_000m, unit: TimeUnit.Days),
        P("2.001417.000.00.00.H47", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam", "STP", "Lý lịch tư pháp", 10, OnlineLevel.Full, true, 200_000m),
        P("1.001756.000.00.00.H47", "Đăng ký hoạt động Văn phòng công chứng", "STP", "Công chứng", 10, OnlineLevel.Partial, true, 1_000_000m),
        P("2.000815.000.00.00.H47", "Cấp bản sao trích lục hộ tịch", "STP", "Hộ tịch", 4, OnlineLevel.Full, true, 8_000m, unit: TimeUnit.WorkingHours),
        P("1.003702.000.00.00.H47", "Cấp giấy phép hoạt động in", "STTTT", "Xuất bản, In và Phát hành", 5, OnlineLevel.Full, true, 0m),
        P("1.004453.000.00.00.H47", "Cấp giấy phép xuất bản bản tin", "STTTT", "Báo chí", 10, OnlineLevel.Full, true, 0m),
        P("1.003877.000.00.00.H47", "Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp", "STTTT", "Phát thanh, truyền hình và thông tin điện tử", 10, OnlineLevel.Full, true, 0m),
        P("1.002430.000.00.00.H47", "Cấp chứng chỉ hành nghề dược", "SYT", "Dược phẩm", 10, OnlineLevel.Full, true, 500_000m),
        P("1.003588.000.00.00.H47", "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "SYT", "An toàn thực phẩm", 20, OnlineLevel.Partial, true, 700_000m),
        P("1.001260.000.00.00.H47", "Cấp giấy phép hoạt động đối với phòng khám đa khoa", "SYT", "Khám bệnh, chữa bệnh", 60, OnlineLevel.Partial, false, 5_700_000m,
            unit: TimeUnit.Days, policy: SupplementPolicy.Restart),
        P("2.000947.000.00.00.H47", "Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ", "SKHCN", "Hoạt động khoa học và công nghệ", 15, OnlineLevel.Full, true, 0m),
        P("1.003722.000.00.00.H47", "Cấp giấy phép tiến hành công việc bức xạ (sử dụng thiết bị X-quang chẩn đoán trong y tế)", "SKHCN", "An toàn bức xạ và hạt nhân", 10, OnlineLevel.Full, true, 2_000_000m),
        P("1.000435.000.00.00.H47", "Tiếp nhận bản công bố hợp quy sản phẩm, hàng hóa", "SKHCN", "Tiêu chuẩn đo lường chất lượng", 5, OnlineLevel.Full, true, 150_000m),
        P("2.000482.000.00.00.H47", "Cấp hộ chiếu phổ thông (không qua cổng dịch vụ công)", "CAT", "Xuất nhập cảnh", 8, OnlineLevel.Full, true, 200_000m),
        P("2.001622.000.00.00.H47", "Cấp giấy chứng nhận đủ điều kiện về an ninh, trật tự", "CAT", "Quản lý ngành nghề đầu tư kinh doanh có điều kiện", 5, OnlineLevel.Full, true, 300_000m),
        P("1.010684.000.00.00.H47", "Đăng ký xe (cấp lần đầu)", "CAT", "Đăng ký, quản lý phương tiện giao thông", 2, OnlineLevel.Partial, false, 150_000m),
    ];

    private static (string, ProcedureDefinition) P(
        string code, string name, string agency, string field, decimal value, OnlineLevel online, bool postal, decimal fee,
        TimeUnit unit = TimeUnit.WorkingDays, decimal? onlineDays = null, StepAssignment[]? steps = null,
        SupplementPolicy policy = SupplementPolicy.Pause) =>
        (code, new ProcedureDefinition(
            name, agency, field, online, postal, fee,
            new ProcessingTime(value, unit),
            onlineDays is { } days ? new ProcessingTime(days, TimeUnit.WorkingDays) : null,
            steps ?? [],
            policy));
}
