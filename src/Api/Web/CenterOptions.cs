namespace HccOrleans.Api.Web;

/// <summary>The <c>Center</c> configuration section: how the center names itself on pages and printed forms.</summary>
public sealed class CenterOptions
{
    public const string Section = "Center";

    /// <summary>The deployment's name, in page headers. Printed forms name the receiving unit and its organ from the unit directory.</summary>
    public string Name { get; set; } = "Trung tâm Phục vụ hành chính công thành phố Đà Nẵng";

    /// <summary>The place in the dateline of forms ("Đà Nẵng, ngày … tháng … năm …").</summary>
    public string Place { get; set; } = "Đà Nẵng";

    /// <summary>
    /// The address citizens reach the lookup page at, for the QR code on the receipt (e.g. https://dichvucong.quangnam.gov.vn).
    /// Unset: the address the page was requested at.
    /// </summary>
    public string? PublicUrl { get; set; }
}
