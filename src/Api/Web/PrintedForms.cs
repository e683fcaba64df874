namespace HccOrleans.Api.Web;

/// <summary>
/// The printable forms of a dossier (<c>/api/dossiers/{code}/slips/{kind}</c>) and the set whose numbering they
/// follow: Circular 01/2018/TT-VPCP for dossiers received before 15 September 2025, Circular 03/2025/TT-VPCP (guiding
/// Decree 118/2025/NĐ-CP) from the day it took effect. The 2018 set has no stop notice; a stop is always printed on the
/// 2025 form. Every form names the decree the dossier is handled under.
/// </summary>
public static class PrintedForms
{
    /// <summary>Circular 03/2025/TT-VPCP in force: dossiers received from this day print its forms.</summary>
    public static readonly DateOnly Circular03From = new(2025, 9, 15);

    public const string Receipt = "receipt";
    public const string SupplementRequest = "supplement-request";
    public const string Refusal = "refusal";
    public const string Apology = "apology";
    public const string Stop = "stop";
    public const string Control = "control";
    public const string Logbook = "logbook";

    /// <summary>The transfer slip (phiếu chuyển xử lý) of inter-agency work: unnumbered, it names each agency's part and time limit.</summary>
    public const string Transfer = "transfer";

    /// <summary>The forms of one dossier, as <c>/api/dossiers/{code}/slips/{kind}</c> names them.</summary>
    public static readonly string[] OfDossiers = [Receipt, SupplementRequest, Refusal, Apology, Stop, Control, Transfer];

    /// <summary>A form: its number and title in its set, the circular, and the decree the dossier is handled under.</summary>
    public sealed record Form(string Number, string Title, string Circular, string Decree);

    public static string Decree(Regime regime) => regime switch
    {
        Regime.Decree61Of2018 => "Nghị định số 61/2018/NĐ-CP",
        Regime.Decree118Of2025 => "Nghị định số 118/2025/NĐ-CP",
        _ => throw new ArgumentOutOfRangeException(nameof(regime), regime, null),
    };

    public static Form For(string kind, DateOnly day, Regime regime)
    {
        var old = day < Circular03From && kind != Stop;
        var circular = old ? "Thông tư số 01/2018/TT-VPCP" : "Thông tư số 03/2025/TT-VPCP";
        var decree = Decree(regime);
        return (kind, old) switch
        {
            (Receipt, _) => new("01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", circular, decree),
            (SupplementRequest, _) => new("02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", circular, decree),
            (Refusal, _) => new("03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", circular, decree),
            (Apology, true) => new("04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", circular, decree),
            (Apology, false) => new("04", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", circular, decree),
            (Stop, _) => new("05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", circular, decree),
            (Control, true) => new("05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", circular, decree),
            (Control, false) => new("06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", circular, decree),
            (Logbook, true) => new("06", "SỔ THEO DÕI HỒ SƠ", circular, decree),
            (Logbook, false) => new("07", "SỔ THEO DÕI HỒ SƠ", circular, decree),
            (Transfer, _) => new("", "PHIẾU CHUYỂN XỬ LÝ HỒ SƠ LIÊN THÔNG", circular, decree),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>What ends a dossier before its result, and so the stop notice (form 05) tells.</summary>
    public static readonly DossierAction[] Stops = [DossierAction.Withdraw, DossierAction.Close, DossierAction.Stop];

    /// <summary>The apology letter (form 04) of either regime: Decree 61's apology or Decree 118's extension proposal.</summary>
    public static readonly DossierAction[] Apologies = [DossierAction.Apologize, DossierAction.ProposeExtension];

    /// <summary>When what the form records happened, or null when the dossier has no such form.</summary>
    public static DateTimeOffset? DatedAt(string kind, DossierSnapshot d) => kind switch
    {
        Receipt or Control => d.ReceivedAt,
        SupplementRequest => d.Log.LastOrDefault(l => l.Action == DossierAction.RequestSupplement)?.At,
        Refusal => d.Status == DossierStatus.Refused ? d.Log.LastOrDefault(l => l.Action == DossierAction.Refuse)?.At : null,
        Apology => d.Apology?.At ?? d.Extension?.ProposedAt,
        Stop => d.Status is DossierStatus.Stopped or DossierStatus.Withdrawn ? d.ClosedAt : null,
        Transfer => d.Parts?.Min(p => p.StartedAt),
        _ => null,
    };

    /// <summary>The partial view that writes a form's body: <c>_Receipt</c>, <c>_SupplementRequest</c>, …</summary>
    public static string Body(string kind) => "_" + string.Concat(kind.Split('-').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    /// <summary>The form an action produces, to print right after it.</summary>
    public static string? After(DossierAction action) => action switch
    {
        DossierAction.Receive => Receipt,
        DossierAction.RequestSupplement => SupplementRequest,
        DossierAction.Refuse => Refusal,
        DossierAction.Apologize or DossierAction.ProposeExtension => Apology,
        DossierAction.Stop or DossierAction.Close or DossierAction.Withdraw => Stop,
        _ => null,
    };

    /// <summary>The forms a dossier has, as it stands.</summary>
    public static IEnumerable<string> Available(DossierSnapshot d)
    {
        if (d.ReceivedAt is not null)
        {
            yield return Receipt;
        }

        if (d.Log.Any(l => l.Action == DossierAction.RequestSupplement))
        {
            yield return SupplementRequest;
        }

        if (d.Status == DossierStatus.Refused)
        {
            yield return Refusal;
        }

        if (d.Apology is not null || d.Extension is not null)
        {
            yield return Apology;
        }

        if (d.Status is DossierStatus.Stopped or DossierStatus.Withdrawn)
        {
            yield return Stop;
        }

        if (d.ReceivedAt is not null)
        {
            yield return Control;
        }

        if (d.Parts is { Length: > 0 })
        {
            yield return Transfer;
        }
    }

    public static string Label(string kind) => kind switch
    {
        Receipt => "Giấy tiếp nhận và hẹn trả kết quả",
        SupplementRequest => "Phiếu yêu cầu bổ sung hồ sơ",
        Refusal => "Phiếu từ chối tiếp nhận",
        Apology => "Văn bản xin lỗi, hẹn lại ngày trả",
        Stop => "Thông báo dừng giải quyết",
        Control => "Phiếu kiểm soát quá trình giải quyết",
        Transfer => "Phiếu chuyển xử lý (liên thông)",
        _ => kind,
    };
}
