using System.Globalization;
using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Dossiers;

namespace HccOrleans.Grains.Notices;

/// <summary>
/// What the citizen is told of their dossier, on the channel they chose (Decree 118/2025 Art. 17(2), 19(6);
/// docs/rules/notifications.md): one Vietnamese message per transition that changes what they must do or may expect.
/// </summary>
internal static class CitizenNotices
{
    private delegate (string Subject, string Body)? Telling(DossierState next, Func<DateTimeOffset, string> local);

    private static readonly Dictionary<DossierAction, Telling> Told = new()
    {
        [DossierAction.Receive] = (s, local) => ("đã được tiếp nhận",
            $"đã được tiếp nhận lúc {local(s.ReceivedAt!.Value)}." + (s.DueAt is { } due ? $" Ngày hẹn trả kết quả: {local(due)}." : "")),
        [DossierAction.Refuse] = (s, _) => ("không được tiếp nhận", $"không được tiếp nhận. Lý do: {s.Log[^1].Note}."),
        [DossierAction.RequestSupplement] = (s, _) => ("cần bổ sung",
            $"cần bổ sung: {string.Join("; ", s.SupplementItems)}. Lý do: {s.Log[^1].Note}. Thời gian bổ sung không tính vào thời hạn giải quyết."),
        [DossierAction.RequestPayment] = (s, _) => ("cần nộp phí, lệ phí",
            $"cần thực hiện nghĩa vụ tài chính: {Money.Of(s.Payment!.Amount)}." + (s.Payment.Note is { Length: > 0 } note ? $" {note}." : "")),
        [DossierAction.ConfirmExtension] = (s, local) => ("được gia hạn",
            $"được gia hạn giải quyết đến {local(s.Extension!.NewDueAt)}. Lý do: {s.Extension.Reason}. Cơ quan giải quyết xin lỗi ông/bà về sự chậm trễ."),
        [DossierAction.Apologize] = (s, local) => ("được hẹn lại ngày trả kết quả",
            $"được hẹn lại ngày trả kết quả: {local(s.Apology!.NewDueAt)}. Lý do: {s.Apology.Reason}. Cơ quan giải quyết xin lỗi ông/bà về sự chậm trễ."),
        [DossierAction.Approve] = (s, _) => s.Outcome == DossierOutcome.Denied
            ? ("có văn bản trả lời", "đã có văn bản trả lời không giải quyết. Mời ông/bà nhận văn bản theo hình thức đã đăng ký.")
            : ("đã có kết quả", "đã có kết quả. Mời ông/bà nhận kết quả theo hình thức đã đăng ký."),
        [DossierAction.Stop] = (s, _) => ("dừng giải quyết", $"đã dừng giải quyết. Lý do: {s.Log[^1].Note}."),
        [DossierAction.Close] = (s, _) => ("kết thúc xử lý", $"đã kết thúc xử lý. Lý do: {s.Log[^1].Note}."),
        [DossierAction.Withdraw] = (s, _) => ("đã được rút", $"đã được rút theo đề nghị. Lý do: {s.Log[^1].Note}."),
        [DossierAction.CorrectResult] = (s, _) => ("kết quả được đính chính", $"có kết quả được đính chính. Lý do: {s.Log[^1].Note}."),
    };

    /// <summary>The actions the citizen is told of.</summary>
    public static IEnumerable<DossierAction> Actions => Told.Keys;

    /// <summary>The channel and address the citizen is told on; none when they chose none and gave no email.</summary>
    public static (NoticeChannel Channel, string Address)? ChannelOf(Applicant applicant) => applicant.Notify switch
    {
        NoticeChannel.Email when !string.IsNullOrWhiteSpace(applicant.Email) => (NoticeChannel.Email, applicant.Email.Trim()),
        NoticeChannel.Sms or NoticeChannel.Zalo => (applicant.Notify.Value, applicant.Phone),
        NoticeChannel.Portal => (NoticeChannel.Portal, applicant.IdNumber),
        null when !string.IsNullOrWhiteSpace(applicant.Email) => (NoticeChannel.Email, applicant.Email.Trim()),
        _ => null,
    };

    /// <summary>The message of the transition that made <paramref name="next"/>, if the citizen is told of it on a channel that is <paramref name="on"/>.</summary>
    public static Notification? For(DossierState next, WorkingCalendar calendar, DateTimeOffset now, Func<NoticeChannel, bool> on)
    {
        var action = next.Log[^1].Action;
        if (!Told.TryGetValue(action, out var telling) || ChannelOf(next.Request!.Applicant) is not { } to || !on(to.Channel)
            || telling(next, at => calendar.ToLocal(at).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture)) is not { } told)
        {
            return null;
        }

        var code = next.OfficialCode ?? next.Code;
        var word = EnumWords.Of(to.Channel);
        return new Notification($"{next.Code}/v{next.Version}/{EnumWords.Of(action)}/citizen", next.Code, EscalationKind.CitizenNotice, "citizen",
            next.Request.ReceivingUnit, next.DueAt ?? now, now, 0,
            $"Hồ sơ {code} ({next.Procedure!.Definition.Name}) {told.Body}")
        {
            Destination = new Destination(word, to.Address, $"Hồ sơ {code} {told.Subject}", next.Version),
        };
    }

    /// <summary>A notice made elsewhere (a calendar change) sent on the citizen's channel too, when that channel is <paramref name="on"/>.</summary>
    public static Notification Delivered(Notification notice, DossierState s, Func<NoticeChannel, bool> on) =>
        ChannelOf(s.Request!.Applicant) is { } to && on(to.Channel)
            ? notice with { Destination = new Destination(EnumWords.Of(to.Channel), to.Address, $"Hồ sơ {s.OfficialCode ?? s.Code} có ngày hẹn mới", s.Version) }
            : notice;
}
