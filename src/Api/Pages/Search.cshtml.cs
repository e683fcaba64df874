using HccOrleans.Api.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HccOrleans.Api.Pages;

/// <summary>
/// The header's search box: dossiers in any status by official code, registration number, ID number or name typed
/// without accents, or the receipt's QR code scanned into the box; one found opens at once.
/// </summary>
[Authorize(Roles = "officer,specialist,leader,director,admin")]
public sealed class SearchModel(IDossierQueries queries, EngineNow clock, ApiZone zone) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Typed { get; set; }

    public IReadOnlyList<DossierSummary> Found { get; private set; } = [];

    public long Total { get; private set; }

    public string? Problem { get; private set; }

    public TimeZoneInfo Zone => zone.Zone;

    public async Task<IActionResult> OnGetAsync()
    {
        var (words, problem) = StaffSearch.Words(Typed);
        if (problem is not null)
        {
            Problem = string.IsNullOrWhiteSpace(Typed)
                ? "Nhập mã hồ sơ, số định danh, họ tên (không cần dấu) hoặc quét mã QR trên giấy tiếp nhận."
                : $"Cần ít nhất một từ từ {StaffSearch.ShortestWord} chữ hoặc số trở lên.";
            return Page();
        }

        var page = await queries.ListAsync(StaffSearch.Query(words, User.ToActor(), clock.Now));
        if (page.Total == 1)
        {
            return Redirect($"/dossiers/{Uri.EscapeDataString(page.Items[0].Code)}");
        }

        (Found, Total) = (page.Items, page.Total);
        return Page();
    }
}
