using HccOrleans.Api.Endpoints;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HccOrleans.Api.Pages;

/// <summary>
/// The feedback a unit answers (docs/rules/feedback.md): this year's, open first and by due date, each with its answer
/// form; the director sees the center's own and every unit's. The same rules as <c>/api/feedback</c>.
/// </summary>
[Authorize(Roles = "officer,specialist,leader,director,admin")]
public sealed class FeedbackPageModel(IGrainFactory grains, ApiZone zone, EngineNow clock) : PageModel
{
    public IReadOnlyList<FeedbackView> Items { get; private set; } = [];
    public TimeZoneInfo Zone => zone.Zone;
    public DateTimeOffset Now => clock.Now;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAnswerAsync(string id, string? answer, bool publish)
    {
        var (_, rejection) = await FeedbackEndpoints.AnswerAsync(User.ToActor(), id, answer, publish, grains);
        if (rejection is not null)
        {
            TempData["Refused"] = Texts.Refusal(rejection);
        }
        else
        {
            TempData["Done"] = $"Đã trả lời phản ánh, kiến nghị số {id}.";
        }

        return Redirect("/feedback");
    }

    private async Task LoadAsync()
    {
        var actor = User.ToActor();
        var year = FeedbackBooks.Year(clock.Now, zone.Zone);
        var items = await grains.Reference<IFeedbackBookGrain>(year).ListAsync();
        Items = [.. items.Where(f => FeedbackEndpoints.Answers(actor, f))
            .OrderBy(f => f.Answer is not null).ThenBy(f => f.DueAt)
            .Select(f => FeedbackView.Of(year, f))];
    }
}
