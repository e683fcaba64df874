using HccOrleans.Api.Hosting;
using HccOrleans.Api.Web;
using HccOrleans.Grains;
using HccOrleans.Model;
using Microsoft.Extensions.Options;

namespace HccOrleans.Api.Pages.Slips;

/// <summary>Form 01: the receipt and appointment, with a QR code of the citizen's lookup page for the dossier.</summary>
public sealed class ReceiptModel(IGrainFactory grains, ApiZone zone, UnitNames units, IOptions<CenterOptions> center) : SlipModel(grains, zone, units, center)
{
    public override string Kind => PrintedForms.Receipt;

    protected override DateTimeOffset? DatedAt(DossierSnapshot d) => d.ReceivedAt;

    /// <summary>Where the QR code leads: the lookup page, the code filled in (the ID number stays with the citizen).</summary>
    public string LookupUrl => $"{(Center.PublicUrl ?? $"{Request.Scheme}://{Request.Host}").TrimEnd('/')}/lookup?code={Uri.EscapeDataString(Dossier.Code)}";
}
