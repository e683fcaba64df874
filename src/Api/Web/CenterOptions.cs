namespace HccOrleans.Api.Web;

/// <summary>The <c>Center</c> configuration section: how the center names itself on pages and printed forms.</summary>
public sealed class CenterOptions
{
    public const string Section = "Center";

    /// <summary>The center's name, in headers and on forms.</summary>
    public string Name { get; set; } = "Trung tâm Phục vụ Hành chính công tỉnh Quảng Nam";

    /// <summary>The governing body printed above the center's name on forms (Decree 30/2020 heading).</summary>
    public string ParentOrgan { get; set; } = "UBND TỈNH QUẢNG NAM";

    /// <summary>The place in the dateline of forms ("Quảng Nam, ngày … tháng … năm …").</summary>
    public string Place { get; set; } = "Quảng Nam";

    /// <summary>
    /// The address citizens reach the lookup page at, for the QR code on the receipt (e.g. https://dichvucong.quangnam.gov.vn).
    /// Unset: the address the page was requested at.
    /// </summary>
    public string? PublicUrl { get; set; }
}
