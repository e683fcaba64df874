using System.Globalization;

using Model = HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Api.Web;

/// <summary>The Vietnamese words of the pages: statuses, actions, steps, and why a refused action was refused.</summary>
public static class Texts
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Status(DossierStatus status) => StatusNames.Vietnamese(status);

    public static string Action(DossierAction action) => action switch
    {
        DossierAction.Submit => "Đăng ký hồ sơ",
        DossierAction.Receive => "Tiếp nhận",
        DossierAction.Refuse => "Từ chối tiếp nhận",
        DossierAction.RequestSupplement => "Yêu cầu bổ sung hồ sơ",
        DossierAction.Supplement => "Ghi nhận hồ sơ bổ sung",
        DossierAction.Appraise => "Thẩm định",
        DossierAction.Approve => "Phê duyệt",
        DossierAction.SendBack => "Trả lại để thẩm định lại",
        DossierAction.Return => "Trả kết quả",
        DossierAction.Withdraw => "Rút hồ sơ (theo đề nghị của công dân)",
        DossierAction.Apologize => "Văn bản xin lỗi, hẹn lại ngày trả",
        DossierAction.RequestPayment => "Yêu cầu thực hiện nghĩa vụ tài chính",
        DossierAction.Pay => "Ghi nhận đã nộp phí, lệ phí",
        DossierAction.Stop => "Dừng giải quyết hồ sơ",
        DossierAction.Transfer => "Chuyển hồ sơ giấy đến cơ quan giải quyết",
        DossierAction.Close => "Kết thúc hồ sơ (không bổ sung trong thời hạn)",
        DossierAction.ProposeExtension => "Xin lỗi và đề nghị gia hạn",
        DossierAction.ConfirmExtension => "Xác nhận gia hạn",
        DossierAction.DeclineExtension => "Không chấp thuận gia hạn",
        DossierAction.CorrectResult => "Đính chính kết quả sai sót",
        DossierAction.RecomputeDue => "Điều chỉnh ngày hẹn theo lịch làm việc",
        DossierAction.CompletePart => "Hoàn thành phần việc liên thông",
        DossierAction.Consult => "Xin ý kiến cơ quan khác",
        DossierAction.AnswerConsultation => "Trả lời xin ý kiến",
        DossierAction.Assign => "Giao thụ lý",
    };

    public static string Step(ProcessingStep step) => step switch
    {
        ProcessingStep.Appraise => "Thẩm định",
        ProcessingStep.Approve => "Phê duyệt",
        ProcessingStep.Return => "Trả kết quả",
        ProcessingStep.Transfer => "Chuyển hồ sơ",
        _ => "—",
    };

    public static string Extension(ExtensionDecision decision) => decision switch
    {
        ExtensionDecision.Proposed => "chờ Bộ phận Một cửa xác nhận",
        ExtensionDecision.Confirmed => "đã xác nhận",
        ExtensionDecision.Declined => "không chấp thuận",
        _ => decision.ToString(),
    };

    public static string Channel(FilingChannel channel) => channel switch
    {
        Model.FilingChannel.Direct => "Trực tiếp",
        Model.FilingChannel.Online => "Trực tuyến",
        Model.FilingChannel.Postal => "Bưu chính công ích",
        _ => channel.ToString(),
    };

    public static string Completion(CompletionClass? completion) => completion switch
    {
        CompletionClass.Early => "Trước hạn",
        CompletionClass.OnTime => "Đúng hạn",
        CompletionClass.Late => "Quá hạn",
        _ => "—",
    };

    public static string Rating(SatisfactionRating rating) => rating switch
    {
        SatisfactionRating.VerySatisfied => "Rất hài lòng",
        SatisfactionRating.Satisfied => "Hài lòng",
        SatisfactionRating.Dissatisfied => "Không hài lòng",
        _ => rating.ToString(),
    };

    public static string ReturnMethod(ReturnMethod method) => method switch
    {
        Model.ReturnMethod.Counter => "Tại Bộ phận Một cửa",
        Model.ReturnMethod.Postal => "Qua bưu chính công ích",
        Model.ReturnMethod.Online => "Trực tuyến",
        _ => method.ToString(),
    };

    public static string Escalation(EscalationKind kind) => kind switch
    {
        EscalationKind.DueSoon => "Sắp đến hạn",
        EscalationKind.StepOverdue => "Quá hạn bước",
        EscalationKind.Overdue => "Quá hạn",
        EscalationKind.PartOverdue => "Quá hạn phần việc liên thông",
        EscalationKind.ConsultationOverdue => "Quá hạn trả lời xin ý kiến",
        EscalationKind.Forwarded => "Hồ sơ tiếp nhận nơi khác chuyển đến",
        EscalationKind.CitizenNotice => "Thông báo cho người nộp",
        EscalationKind.PortalSync => "Đồng bộ trạng thái lên Cổng Dịch vụ công",
        EscalationKind.PaymentOrder => "Yêu cầu thanh toán trực tuyến",
        _ => kind.ToString(),
    };

    public static string Role(Role role) => role switch
    {
        Model.Role.Officer => "Cán bộ một cửa",
        Model.Role.Specialist => "Chuyên viên",
        Model.Role.Leader => "Lãnh đạo",
        Model.Role.Director => "Giám đốc Trung tâm",
        Model.Role.Admin => "Quản trị hệ thống",
        Model.Role.Portal => "Cổng dịch vụ công",
        Model.Role.System => "Hệ thống",
        _ => role.ToString(),
    };

    /// <summary>Why the engine refused an action, as the person at the desk reads it.</summary>
    public static string Refusal(Rejection rejection) => rejection.Rule switch
    {
        RuleCodes.Validation => "Thông tin nhập chưa hợp lệ: " + string.Join("; ", (rejection.Errors ?? []).Select(e => $"{Field(e.Key)} {string.Join(" ", e.Value.Select(Messages.Vietnamese))}")),
        RuleCodes.InvalidTransition => $"Không thể thực hiện thao tác này khi hồ sơ đang ở trạng thái “{Status(rejection.CurrentStatus ?? DossierStatus.Submitted)}”.",
        RuleCodes.StaleVersion => "Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại trang và thực hiện lại.",
        RuleCodes.NotPermitted => "Bạn không có quyền thực hiện thao tác này đối với hồ sơ (không đúng vai trò hoặc không thuộc cơ quan đang xử lý).",
        RuleCodes.DossierNotFound => "Không tìm thấy hồ sơ.",
        RuleCodes.SupplementRequestOnce => "Chỉ được yêu cầu bổ sung hồ sơ một lần trong quá trình giải quyết.",
        RuleCodes.ApologyOnce => "Hồ sơ đã có văn bản xin lỗi; mỗi hồ sơ chỉ được xin lỗi một lần.",
        RuleCodes.PaymentAmountMismatch => "Số tiền nộp không khớp với nghĩa vụ tài chính đã yêu cầu.",
        RuleCodes.PaymentReferenceUsed => "Số biên lai hoặc mã giao dịch này đã được ghi cho một hồ sơ khác.",
        RuleCodes.FeeDueAtSubmission => "Phí, lệ phí nộp khi nộp hồ sơ phải đúng số tiền danh mục thủ tục quy định; phí xác định sau khi tiếp nhận được thông báo riêng.",
        RuleCodes.ResultTypeNotInCatalogue => "Loại kết quả không có trong danh mục của thủ tục này.",
        RuleCodes.RequiredComponentsMissing => "Hồ sơ thiếu thành phần bắt buộc theo danh mục thủ tục; yêu cầu bổ sung, hoặc ghi lý do vẫn tiếp nhận.",
        RuleCodes.FeedbackNotFound => "Không có phản ánh, kiến nghị này trong số đơn vị phải trả lời.",
        RuleCodes.FeedbackAnsweredOnce => "Phản ánh, kiến nghị này đã được trả lời; mỗi phản ánh chỉ trả lời một lần.",
        RuleCodes.ReuseNotTheApplicants => "Chỉ được dùng lại giấy tờ đã số hóa của chính người nộp.",
        RuleCodes.ChannelNotOffered => "Thủ tục này không tiếp nhận qua kênh đã chọn.",
        RuleCodes.ProcedureNotFound => "Không tìm thấy thủ tục hành chính.",
        RuleCodes.RatingNotReturned => "Chỉ đánh giá được khi hồ sơ đã được trả kết quả.",
        RuleCodes.RatingOnce => "Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.",
        RuleCodes.IdempotencyKeyReused => "Hồ sơ này đã được đăng ký với nội dung khác. Vui lòng tải lại biểu mẫu.",
        _ => "Thao tác không thực hiện được: " + rejection.Detail,
    };

    /// <summary>A field name of the contract in Vietnamese, for validation messages.</summary>
    public static string Field(string field) => field switch
    {
        "reason" => "Lý do",
        "note" => "Ghi chú",
        "items" => "Danh mục giấy tờ cần bổ sung",
        "amount" => "Số tiền",
        "receiptNumber" => "Số biên lai",
        "reference" => "Số biên lai hoặc mã giao dịch",
        "newDueAt" => "Ngày hẹn mới",
        "outcome" => "Kết quả thẩm định",
        "method" => "Hình thức trả",
        "procedureCode" => "Thủ tục",
        "applicant.name" => "Họ tên",
        "applicant.idNumber" => "Số định danh",
        "applicant.phone" => "Số điện thoại",
        "applicant.email" => "Email",
        "applicant.address" => "Địa chỉ",
        "applicant.notify" => "Nhận thông báo qua",
        "payments" => "Phí, lệ phí",
        "paymentMethod" => "Hình thức nộp",
        "dueAt" => "Hạn trả lời",
        "question" => "Nội dung xin ý kiến",
        "answer" => "Ý kiến trả lời",
        "agency" => "Cơ quan",
        "userName" => "Chuyên viên thụ lý",
        "fileWith" => "Nơi nộp hồ sơ",
        "collectedBy" => "Người nhận kết quả",
        _ when field.StartsWith("result", StringComparison.Ordinal) => "Giấy tờ kết quả",
        _ when field.StartsWith("scans[", StringComparison.Ordinal) => "Tệp quét",
        _ when field.StartsWith("payments[", StringComparison.Ordinal) => "Phí, lệ phí",
        _ when field.StartsWith("documents[", StringComparison.Ordinal) => "Thành phần hồ sơ",
        _ => field,
    };

    public static string Time(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    public static string Date(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    public static string Money(decimal amount) => Model.Money.Of(amount);

    public static string FeedbackAbout(Model.FeedbackAbout about) => about switch
    {
        Model.FeedbackAbout.Dossier => "Việc giải quyết hồ sơ",
        Model.FeedbackAbout.Behaviour => "Hành vi hành chính",
        Model.FeedbackAbout.Regulation => "Quy định hành chính",
        _ => about.ToString(),
    };

    /// <summary>A channel word of the outbox, as staff read it.</summary>
    public static string Channel(string word) => word switch
    {
        "email" => "Thư điện tử",
        "sms" => "Tin nhắn SMS",
        "zalo" => "Zalo",
        "portal" => "Tài khoản trên Cổng Dịch vụ công",
        "portal-sync" => "Đồng bộ trạng thái lên Cổng Dịch vụ công",
        "payment" => "Yêu cầu thanh toán gửi nền tảng thanh toán",
        "portal-result" => "Kết quả điện tử gửi vào tài khoản trên Cổng Dịch vụ công",
        _ => word,
    };

    /// <summary>How a message's delivery went, in a phrase.</summary>
    public static string Delivery(Model.DeliveryOutcome? outcome, TimeZoneInfo zone) => outcome switch
    {
        null => "Chưa gửi (bản chạy thử không có kênh gửi)",
        { State: Model.DeliveryState.Sent } => $"Đã gửi lúc {Time(outcome.DeliveredAt, zone)}" + (outcome.Attempts > 1 ? $" (lần thử thứ {outcome.Attempts})" : ""),
        { State: Model.DeliveryState.Failed } => $"Không gửi được sau {outcome.Attempts} lần: {outcome.LastError}",
        { Attempts: 0 } => "Đang chờ gửi",
        _ => $"Đang gửi lại (đã thử {outcome.Attempts} lần: {outcome.LastError})",
    };

    /// <summary>Working hours as days and hours of an 8-hour working day: "2 ngày 3,5 giờ".</summary>
    /// <summary>Working minutes as hours and minutes: "10 giờ", "3 giờ 25 phút", "45 phút".</summary>
    public static string WorkingMinutes(int minutes) => (minutes / 60, minutes % 60) switch
    {
        (0, var m) => $"{m} phút",
        (var h, 0) => $"{h} giờ",
        (var h, var m) => $"{h} giờ {m} phút",
    };

    /// <summary>A lateness part as a reader knows it: a step's name, or the agency's part of inter-agency work.</summary>
    public static string LatenessPart(string part) =>
        EnumWords.TryParse<ProcessingStep>(part, out var step) ? Step(step) : part.StartsWith("part:", StringComparison.Ordinal) ? "Phần việc liên thông" : part;

    public static string Level(UnitLevel level) => level switch
    {
        UnitLevel.Ministry => "cấp bộ",
        UnitLevel.Province => "cấp tỉnh",
        UnitLevel.Commune => "cấp xã",
        _ => "—",
    };

    public static string WorkingTime(decimal hours, decimal workingDayHours = 8m)
    {
        var days = (int)(hours / workingDayHours);
        var rest = hours - (days * workingDayHours);
        var restText = rest.ToString("0.#", Vietnamese);
        return days > 0 ? (rest > 0 ? $"{days} ngày {restText} giờ" : $"{days} ngày") : $"{restText} giờ";
    }

    public static string Percent(decimal? rate) => rate is { } r ? (r * 100).ToString("0.0", Vietnamese) + " %" : "—";
}
