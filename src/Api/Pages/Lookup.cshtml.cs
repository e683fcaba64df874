using HccOrleans.Api.Web;
using HccOrleans.Api.Endpoints;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HccOrleans.Api.Pages;

/// <summary>
/// The citizen's page (the receipt's QR code leads here): the dossier's status in Vietnamese, its appointment, any
/// new date from an apology and its completion, given its code and the applicant's ID number; and once the result is
/// returned, the rating of the service. Anonymous and rate limited per address, like <c>/api/lookup</c>.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(CitizenEndpoints.LookupLimit)]
public sealed class LookupModel(IGrainFactory grains, ApiZone zone, EngineNow clock, UnitNames units) : PageModel
{
    /// <summary>Where the ID number waits between the lookup's post and the page it redirects to (never in the address).</summary>
    private const string LookedUpId = "lookup-id";

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? IdNumber { get; set; }

    public LookupView? Found { get; private set; }
    public string? Message { get; private set; }
    public bool Rated { get; private set; }

    /// <summary>The feedback just sent, with its id and due date.</summary>
    public FeedbackView? FeedbackSent { get; private set; }
    public TimeZoneInfo Zone => zone.Zone;

    /// <summary>The receiving unit's name: where papers are brought and the paper result collected.</summary>
    public string? UnitName { get; private set; }

    /// <summary>The page after a lookup's post (post/redirect/get): Back and reload show it again without resubmitting.</summary>
    public async Task OnGetAsync()
    {
        if (TempData.Peek(LookedUpId) is string idNumber && !string.IsNullOrWhiteSpace(Code))
        {
            IdNumber = idNumber;
            await FindAsync();
        }
    }

    public IActionResult OnPost()
    {
        if (string.IsNullOrWhiteSpace(Code) || string.IsNullOrWhiteSpace(IdNumber) || IdNumber.Length > 20)
        {
            Message = "Hãy nhập mã hồ sơ và số định danh cá nhân.";
            return Page();
        }

        TempData[LookedUpId] = IdNumber.Trim();
        return RedirectToPage(new { code = Code.Trim() });
    }

    public async Task OnPostRateAsync(string? rating, string? comment, int? agenciesContacted, int? contacts)
    {
        if (!EnumWords.TryParse<SatisfactionRating>(rating, out var value))
        {
            Message = "Hãy chọn một mức đánh giá.";
            await FindAsync();
            return;
        }

        // Each Art. 33(1) item the citizen chose a level for (radio groups named item-{letter}); the others are left unrated.
        var items = new List<RatedItem>();
        foreach (var item in SatisfactionItems.Levels.Keys)
        {
            if (EnumWords.TryParse<SatisfactionRating>(Request.Form[$"item-{item}"].ToString(), out var level))
            {
                items.Add(new RatedItem(item, level));
            }
        }

        var result = await (await DossierAsync())!.RateAsync(IdNumber ?? "", new RatingInput(value, comment, items.Count > 0 ? [.. items] : null, agenciesContacted, contacts));
        if (result.Rejection is { } rejection)
        {
            Message = Texts.Refusal(rejection);
        }
        else
        {
            Rated = true;
        }

        await FindAsync();
    }

    /// <summary>Feedback about this dossier, a conduct or a regulation (docs/rules/feedback.md).</summary>
    public async Task OnPostFeedbackAsync(string? about, string? content, string? contact)
    {
        var subject = EnumWords.TryParse<FeedbackAbout>(about, out var chosen) ? chosen : (FeedbackAbout?)null;
        var (sent, rejection) = await FeedbackEndpoints.SendAsync(
            new FeedbackBody(subject, content, contact, subject == FeedbackAbout.Dossier ? Code : null, IdNumber), grains, clock, zone);
        if (rejection is not null)
        {
            Message = Texts.Refusal(rejection);
        }

        FeedbackSent = sent;
        await FindAsync();
    }

    private async Task FindAsync()
    {
        if (string.IsNullOrWhiteSpace(Code) || string.IsNullOrWhiteSpace(IdNumber))
        {
            Message ??= "Hãy nhập mã hồ sơ và số định danh cá nhân.";
            return;
        }

        Found = await DossierAsync() is { } dossier && IdNumber.Length <= 20 ? await dossier.LookupAsync(IdNumber) : null;
        if (Found?.ReceivingUnit is { } unit)
        {
            UnitName = (await units.AllAsync()).GetValueOrDefault(unit)?.Name ?? unit;
        }

        if (Found is null)
        {
            Message = "Không tìm thấy hồ sơ có mã và số định danh này. Hãy kiểm tra lại mã trên giấy hẹn.";
        }
    }

    private async Task<IDossierGrain?> DossierAsync()
    {
        Code = Code?.Trim() ?? "";
        return DossierCode.TryParse(Code, out _, out _, out _) ? await grains.DossierAsync(Code) : null;
    }
}
