using HccOrleans.Api.Web;

namespace HccOrleans.Tests.Domain;

/// <summary>The control log says its stored words and instants in Vietnamese; what people wrote stays as written.</summary>
[Trait("Category", "Domain")]
public sealed class LogNotesTests
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Theory]
    [InlineData(DossierAction.Submit, "direct", "Trực tiếp")]
    [InlineData(DossierAction.Appraise, "eligible: Hồ sơ đầy đủ", "Đủ điều kiện: Hồ sơ đầy đủ")]
    [InlineData(DossierAction.Appraise, "ineligible", "Không đủ điều kiện")]
    [InlineData(DossierAction.ProposeExtension, "Chờ ý kiến Sở Xây dựng — new due 2026-12-14 17:00 +07:00", "Chờ ý kiến Sở Xây dựng — hẹn mới 17:00 14/12/2026")]
    [InlineData(DossierAction.Consult, "AGB: Có vướng quy hoạch? — answer by 2026-12-10 09:30 +07:00", "AGB: Có vướng quy hoạch? — trả lời trước 09:30 10/12/2026")]
    [InlineData(DossierAction.Refuse, "Không thuộc thẩm quyền", "Không thuộc thẩm quyền")]
    public void StoredWords_AreSaidInVietnamese(DossierAction action, string stored, string said) =>
        Assert.Equal(said, LogNotes.Vietnamese(Entry(action, stored), Vietnam));

    [Fact]
    public void AReturn_SaysItsMethod_AndKeepsWhoCollectedIt() =>
        Assert.Equal($"{Texts.ReturnMethod(ReturnMethod.Counter)} — Lê Văn Nhận, CCCD 049190009999",
            LogNotes.Vietnamese(Entry(DossierAction.Return, "counter — Lê Văn Nhận, CCCD 049190009999"), Vietnam));

    private static LogEntry Entry(DossierAction action, string note) =>
        new(DateTimeOffset.UnixEpoch, "someone", "", action, null, ProcessingStep.None, DossierStatus.Processing, ProcessingStep.Appraise, note);
}
