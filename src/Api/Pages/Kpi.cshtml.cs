using HccOrleans.Api.Endpoints;
using HccOrleans.Api.Queries;
using HccOrleans.Grains.Interfaces.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Reports = HccOrleans.Grains.Interfaces.Reports;

namespace HccOrleans.Api.Pages;

/// <summary>
/// The center's KPI page. Its headline — the rates and the received/resolved chart — is public, for the whole center
/// (or the agency a director picks). Signed-in staff also see report II.06a and what is overdue or due soon, scoped
/// as the API scopes them: directors and administrators every agency, everyone else their own unit.
/// </summary>
[AllowAnonymous]
public sealed class KpiModel(IDossierQueries queries, IGrainFactory grains, EngineNow clock, ApiZone zone, UnitNames units) : PageModel
{
    /// <summary>Overdue and due-soon dossiers of one handling agency, now.</summary>
    public sealed record DueByAgency(string Agency, string Name, int Overdue, int DueSoon);

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    /// <summary>The last day of the period, as the form asks for it; links and the API carry the exclusive <see cref="To"/>.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? Through { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }

    /// <summary>An official period chosen by its key (<see cref="KeyOf"/>), which sets the period's days.</summary>
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public TimeZoneInfo Zone => zone.Zone;
    public KpiReport Kpi { get; private set; } = null!;
    public ThroughputBucket[] Throughput { get; private set; } = [];
    public bool Weekly { get; private set; }
    public Report06a? Report { get; private set; }

    /// <summary>Biểu 07a, when the period is reported on it (its last day on or after 1 Aug 2026); II.06a otherwise.</summary>
    public Report07a? Form07a { get; private set; }

    /// <summary>Biểu 07b of the whole province, beside 07a, for those who see all and chose no agency.</summary>
    public Report07b? Form07b { get; private set; }

    /// <summary>The official periods that have begun, the latest first: this year's, the last and, from 15 Dec, the next.</summary>
    public IReadOnlyList<ReportPeriod> OfficialPeriods { get; private set; } = [];

    public static string KeyOf(ReportPeriod p) => $"{p.Kind.ToString().ToLowerInvariant()}-{p.Number}-{p.Year}";
    public DueByAgency[] Due { get; private set; } = [];
    public IReadOnlyDictionary<string, UnitInfo> Units { get; private set; } = new Dictionary<string, UnitInfo>();
    public bool SeesAll { get; private set; }
    public string? DetailScope { get; private set; }
    /// <summary>Why the period asked for is not shown (it ends before it begins).</summary>
    public string? PeriodProblem { get; private set; }

    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }

    public string Query => $"from={PeriodFrom:yyyy-MM-dd}&to={PeriodTo:yyyy-MM-dd}{(Agency is { } a ? "&agency=" + Uri.EscapeDataString(a) : "")}";

    public async Task OnGetAsync()
    {
        ViewData["Live"] = true;
        await LoadAsync();
    }

    public async Task<IActionResult> OnGetBodyAsync()
    {
        await LoadAsync();
        return Partial("_KpiBody", this);
    }

    private async Task LoadAsync()
    {
        var now = clock.Now;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone.Zone).DateTime);
        OfficialPeriods = [.. new[] { today.Year + 1, today.Year, today.Year - 1 }.SelectMany(y => ReportPeriods.Of(null, y))
            .Where(p => p.First <= today).OrderByDescending(p => p.First).ThenBy(p => p.Last)];
        if (OfficialPeriods.FirstOrDefault(p => KeyOf(p) == Period) is { } official)
        {
            (From, Through, To) = (official.First, official.Last, null);
        }
        else
        {
            Period = null;
        }

        if (From is { } start && (Through ?? To?.AddDays(-1)) is { } end && end < start)
        {
            PeriodProblem = $"Kỳ báo cáo không hợp lệ: ngày kết thúc {end:dd/MM/yyyy} ở trước ngày bắt đầu {start:dd/MM/yyyy}. Trang đang hiện tháng này; hãy chọn lại kỳ.";
            (From, Through, To) = (null, null, null);
        }

        PeriodFrom = From ?? new DateOnly(today.Year, today.Month, 1);
        var to = Through?.AddDays(1) ?? To;
        PeriodTo = to > PeriodFrom ? to.Value : PeriodFrom.AddMonths(1);
        var (from, until) = (zone.Midnight(PeriodFrom), zone.Midnight(PeriodTo));

        var actor = User.Identity?.IsAuthenticated == true ? User.ToActor() : null;
        SeesAll = actor?.SeesAll() == true;
        Agency = SeesAll && !string.IsNullOrWhiteSpace(Agency) ? Agency.Trim() : null;
        Units = await units.AllAsync();

        var headline = await queries.PeriodFactsAsync(from, until, now, Agency);
        Kpi = Decision766Rules.With(KpiRules.Build(headline), headline.Tally766, await FeedbackBooks.ForAsync(grains, from, until, zone.Zone, Agency));
        Weekly = Reports.Throughput.IsWeekly(from, until);
        Throughput = Reports.Throughput.Build(await queries.ThroughputDaysAsync(from, until, now, Agency, zone.Zone), from, until, now, zone.Zone);

        if (actor is null || actor.Roles.All(r => r is Role.Portal))
        {
            return;
        }

        DetailScope = SeesAll ? Agency : actor.Agency;
        var detail = DetailScope == Agency ? headline : await queries.PeriodFactsAsync(from, until, now, DetailScope);
        if (ReportPeriods.FormAt(PeriodTo.AddDays(-1)) == "07a")
        {
            Form07a = Report07aRules.Build(detail, DetailScope);
            Form07b = SeesAll && DetailScope is null
                ? Report07bRules.Build(detail, UnitNames.LevelOf(Units))
                : null;
        }
        else
        {
            Report = ReportRules.Build(detail, byField: false);
        }

        var clockNow = await grains.Reference<IWorkingTimeGrain>(IWorkingTimeGrain.Key).ClockAsync([]);
        var overdue = detail.Overdue.GroupBy(d => d.Agency, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var dueSoon = await queries.DueSoonAsync(until, now, DetailScope, clockNow.DueSoonUntil);
        Due = [.. overdue.Keys.Union(dueSoon.Keys)
            .Select(agency => new DueByAgency(agency, UnitNames.NameOf(Units, agency), overdue.GetValueOrDefault(agency), dueSoon.GetValueOrDefault(agency)))
            .Where(d => d.Overdue + d.DueSoon > 0)
            .OrderByDescending(d => d.Overdue).ThenByDescending(d => d.DueSoon).ThenBy(d => d.Agency, StringComparer.Ordinal)];
    }
}
