using HccOrleans.Api.Web;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HccOrleans.Api.Pages.Slips;

/// <summary>
/// A printable form of one dossier (<c>/api/dossiers/{code}/slips/{kind}</c>): A4, laid out as Decree 30/2020 lays
/// out administrative documents, numbered per the regime in force on the dossier's receipt day
/// (<see cref="PrintedForms"/>). Each kind's body is the partial <c>_{Kind}</c>; 404 when the dossier has no such form.
/// </summary>
[Authorize]
public sealed class SlipModel(IGrainFactory grains, ApiZone zone, UnitNames units, PeopleNames people, IOptions<CenterOptions> center) : PageModel
{
    public DossierSnapshot Dossier { get; private set; } = null!;
    public IReadOnlyDictionary<string, UnitInfo> Units { get; private set; } = new Dictionary<string, UnitInfo>();
    public IReadOnlyDictionary<string, Person> People { get; private set; } = new Dictionary<string, Person>();

    /// <summary>Who a log entry's user name is, as a form prints them: the full name, or the user name the directory does not know.</summary>
    public string Who(string? userName) => PeopleNames.NameOf(People, userName);
    public CenterOptions Center => center.Value;
    public TimeZoneInfo Zone => zone.Zone;
    public Web.PrintedForms.Form Form { get; private set; } = null!;

    /// <summary>The procedure version the dossier follows.</summary>
    public ProcedureVersion? Procedure { get; private set; }

    /// <summary>Which form this page prints (<see cref="PrintedForms"/>).</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The partial that writes the form's body.</summary>
    public string Body => PrintedForms.Body(Kind);

    /// <summary>The day the form is dated: what it records happened then.</summary>
    public DateTimeOffset Dated { get; private set; }

    public bool AutoPrint => Request.Query["print"] == "1";

    public string UnitName => UnitNames.NameOf(Units, Dossier.ReceivingUnit);

    /// <summary>The receiving unit's governing organ, from the unit hierarchy (Decree 30/2020 heading).</summary>
    public string Organ => UnitTree.Organ(Units, Dossier.ReceivingUnit) ?? "";

    public async Task<IActionResult> OnGetAsync(string code, string kind)
    {
        if (!DossierCode.TryParse(code, out _, out _, out _) || !PrintedForms.OfDossiers.Contains(kind))
        {
            return NotFound();
        }

        Kind = kind;
        var result = await (await grains.DossierAsync(code)).GetAsync(User.ToActor());
        if (result.Rejection is { } rejection)
        {
            return rejection.Kind == RejectionKind.NotFound ? NotFound() : Forbid();
        }

        Dossier = result.Dossier!;
        if (PrintedForms.DatedAt(Kind, Dossier) is not { } dated)
        {
            return NotFound();
        }

        Dated = dated;
        Units = await units.AllAsync();
        People = await people.AllAsync();
        Procedure = await grains.Reference<IProcedureGrain>(GrainKeys.Procedure(Dossier.Procedure.Code)).GetVersionAsync(Dossier.Procedure.Version);
        Form = Web.PrintedForms.For(Kind, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Dossier.ReceivedAt ?? dated, Zone).DateTime), Dossier.Regime);
        return Page();
    }

    /// <summary>Where the receipt's QR code leads: the lookup page, the code filled in (the ID number stays with the citizen).</summary>
    public string LookupUrl => $"{(Center.PublicUrl ?? $"{Request.Scheme}://{Request.Host}").TrimEnd('/')}/lookup?code={Uri.EscapeDataString(PrintedCode)}";

    /// <summary>The code a form carries: the official one once issued, else the registration number.</summary>
    public string PrintedCode => Dossier.OfficialCode ?? Dossier.Code;

    /// <summary>"17 giờ 00 phút, ngày 16/01/2030", as forms write an instant.</summary>
    public string Instant(DateTimeOffset? at) => at is { } t
        ? TimeZoneInfo.ConvertTime(t, Zone).ToString("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy", CultureInfo.InvariantCulture)
        : "…";

    /// <summary>"Đà Nẵng, ngày 16 tháng 01 năm 2030".</summary>
    public string Dateline(DateTimeOffset at) =>
        $"{Center.Place}, " + TimeZoneInfo.ConvertTime(at, Zone).ToString("'ngày' dd 'tháng' MM 'năm' yyyy", CultureInfo.InvariantCulture);

    /// <summary>"10 ngày làm việc": the processing time that applies to the dossier's channel.</summary>
    public string ProcessingTime => Procedure?.Definition is { } definition
        ? Duration(Dossier.Channel == FilingChannel.Online && definition.OnlineProcessingTime is { } online ? online : definition.ProcessingTime)
        : "theo quy định";

    /// <summary>A time as forms write it: "10 ngày làm việc", "4 giờ làm việc", "30 ngày".</summary>
    public static string Duration(ProcessingTime time)
    {
        var unit = time.Unit switch { TimeUnit.WorkingDays => "ngày làm việc", TimeUnit.WorkingHours => "giờ làm việc", _ => "ngày" };
        return $"{time.Value.ToString("0.##", Texts.Vietnamese)} {unit}";
    }

    /// <summary>The last log entry of an action, for forms that record it.</summary>
    public LogEntry? LastOf(DossierAction action) => Dossier.Log.LastOrDefault(l => l.Action == action);
}
