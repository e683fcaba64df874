using HccOrleans.Api.Endpoints;
using HccOrleans.Grains.Interfaces.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HccOrleans.Api.Pages;

/// <summary>
/// The dossiers behind one number of Biểu 07a or 07b on the KPI page: the same period, scope and counting rule
/// (<see cref="Report07aRules.Cells"/>), so that the list has exactly as many dossiers as the number said.
/// Scoped as the KPI page's forms: directors and administrators any agency (07b the whole province), others their unit.
/// </summary>
[Authorize(Roles = "officer,specialist,leader,director,admin")]
public sealed class ReportDossiersModel(IDossierQueries queries, EngineNow clock, ApiZone zone, UnitNames units) : PageModel
{
    /// <summary>The most dossiers one page lists; the count above it is always the whole.</summary>
    public const int Shown = 500;

    [BindProperty(SupportsGet = true)] public string? Form { get; set; }
    [BindProperty(SupportsGet = true)] public string? Column { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }

    /// <summary>07b's section: "province" or "commune"; none for its grand total and for 07a.</summary>
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }

    /// <summary>The day after the period's last, as the KPI page's links carry it.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public TimeZoneInfo Zone => zone.Zone;
    public FormColumn? Heading { get; private set; }
    public string? Scope { get; private set; }
    public string? ScopeName { get; private set; }
    public int Total { get; private set; }
    public IReadOnlyList<DossierSummary> Dossiers { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = User.ToActor();
        Heading = Report07aColumns.All.FirstOrDefault(c => c.Path == Column && Report07aRules.Cells.ContainsKey(c.Path));
        Problem = Form is not ("07a" or "07b") ? "Biểu báo cáo phải là 07a hoặc 07b."
            : Heading is null ? "Cột của biểu không có trong Biểu 07a/07b."
            : From is null || To is null || To <= From ? "Kỳ báo cáo không hợp lệ: ngày kết thúc phải sau ngày bắt đầu."
            : Level is not (null or "province" or "commune") ? "Phần của Biểu 07b phải là cấp tỉnh hoặc cấp xã."
            : null;
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Form == "07b" && !actor.SeesAll())
        {
            return Forbid();
        }

        Scope = Form == "07b" ? null : actor.SeesAll() ? (string.IsNullOrWhiteSpace(Agency) ? null : Agency.Trim()) : actor.Agency;
        var directory = await units.AllAsync();
        ScopeName = Scope is null ? null : UnitNames.NameOf(directory, Scope);
        var (from, until, now) = (zone.Midnight(From!.Value), zone.Midnight(To!.Value), clock.Now);
        IEnumerable<DossierSummary> dossiers = await queries.ReceivedBeforeAsync(new Judging(until, now).Until, Scope);
        if (Form == "07b" && Level is { } level)
        {
            var levelOf = UnitNames.LevelOf(directory);
            dossiers = dossiers.Where(d => Report07bRules.IsCommunes(d, levelOf) == (level == "commune"));
        }

        var members = Report07aRules.Members(dossiers, from, until, now, Field, Column!).ToList();
        (Total, Dossiers) = (members.Count, members.Take(Shown).ToList());
        return Page();
    }

    /// <summary>The KPI page of the same period and agency: the way back.</summary>
    public string Back => $"/?from={From:yyyy-MM-dd}&through={To?.AddDays(-1):yyyy-MM-dd}{(Agency is { Length: > 0 } a ? "&agency=" + Uri.EscapeDataString(a) : "")}";
}
