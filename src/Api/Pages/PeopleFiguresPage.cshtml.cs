using HccOrleans.Api.Endpoints;
using HccOrleans.Grains.Interfaces.Reports;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HccOrleans.Api.Pages;

/// <summary>Per-person figures on a page: the same report as <c>GET /api/reports/people</c>, by day, for the caller's scope.</summary>
[Authorize]
public sealed class PeopleFiguresModel(PeopleFigures figures, UnitNames units, ApiZone zone, EngineNow clock) : PageModel
{
    public DateOnly FromDay { get; private set; }
    public DateOnly ToDay { get; private set; }
    public string? Unit { get; private set; }
    public bool SeesAll { get; private set; }
    public PeopleReport? Report { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyDictionary<string, UnitInfo> Units { get; private set; } = new Dictionary<string, UnitInfo>();
    public TimeZoneInfo Zone => zone.Zone;

    /// <summary>From the first of this month to today unless the person picks days; a reversed period is refused, not turned round.</summary>
    public async Task OnGetAsync(DateOnly? from, DateOnly? to, string? unit)
    {
        var actor = User.ToActor();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.Now, zone.Zone).DateTime);
        (FromDay, ToDay) = (from ?? new DateOnly(today.Year, today.Month, 1), to ?? today);
        SeesAll = actor.SeesAll();
        Unit = string.IsNullOrWhiteSpace(unit) ? null : unit;
        Units = await units.AllAsync();
        if (ToDay < FromDay)
        {
            Error = "Ngày bắt đầu phải trước ngày kết thúc.";
            return;
        }

        Report = await figures.ForAsync(actor, SeesAll ? Unit : null, Start(FromDay), Start(ToDay.AddDays(1)), clock.Now);
    }

    private DateTimeOffset Start(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.Zone.GetUtcOffset(midnight));
    }
}
