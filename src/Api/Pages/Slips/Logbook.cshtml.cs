using System.Globalization;
using HccOrleans.Api.Endpoints;
using HccOrleans.Api.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HccOrleans.Api.Pages.Slips;

/// <summary>
/// The log book (sổ theo dõi hồ sơ, form 06 of 2018 / 07 of 2025) of a receiving unit: every dossier it received in
/// [from, to), from the index. Its own officers, directors and administrators may print it.
/// </summary>
[Authorize]
public sealed class LogbookModel(IDossierQueries queries, ApiZone zone, EngineNow clock, UnitNames units, IOptions<CenterOptions> center) : PageModel
{
    public IReadOnlyList<DossierSummary> Dossiers { get; private set; } = [];
    public IReadOnlyDictionary<string, UnitInfo> Units { get; private set; } = new Dictionary<string, UnitInfo>();
    public CenterOptions Center => center.Value;
    public TimeZoneInfo Zone => zone.Zone;
    public string Unit { get; private set; } = "";

    /// <summary>The unit's governing organ, from the unit hierarchy.</summary>
    public string Organ => UnitTree.Organ(Units, Unit) ?? "";
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public PrintedForms.Form Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string agencyCode, DateOnly? from, DateOnly? to)
    {
        var actor = User.ToActor();
        if (!actor.SeesAll() && actor.Agency != agencyCode)
        {
            return Forbid();
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.Now, Zone).DateTime);
        (Unit, From, To) = (agencyCode, from ?? today, to is { } t && t > (from ?? today) ? t : (from ?? today).AddDays(1));
        Form = PrintedForms.For(PrintedForms.Logbook, From, RegimeDates.On(From));
        Units = await units.AllAsync();
        var rows = new List<DossierSummary>();
        for (var page = 1; ; page++)
        {
            var batch = await queries.ListAsync(new DossierQuery
            {
                ReceivingUnit = agencyCode,
                ReceivedFrom = zone.Midnight(From),
                ReceivedTo = zone.Midnight(To),
                Sort = DossierSort.Received,
                Descending = false,
                Page = page,
                PageSize = DossierQuery.MaxPageSize,
                Now = clock.Now,
            });
            rows.AddRange(batch.Items);
            if (batch.Items.Length < DossierQuery.MaxPageSize)
            {
                break;
            }
        }

        Dossiers = rows;
        return Page();
    }

    public string Day(DateTimeOffset? at) => Texts.Date(at, Zone);

    public string Dateline => $"{Center.Place}, " + TimeZoneInfo.ConvertTime(clock.Now, Zone).ToString("'ngày' dd 'tháng' MM 'năm' yyyy", CultureInfo.InvariantCulture);
}
