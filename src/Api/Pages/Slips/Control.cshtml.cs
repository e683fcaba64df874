using HccOrleans.Api.Hosting;
using HccOrleans.Api.Web;
using HccOrleans.Grains;
using HccOrleans.Model;
using Microsoft.Extensions.Options;

namespace HccOrleans.Api.Pages.Slips;

/// <summary>The control slip (form 05 of 2018, 06 of 2025): every hand-over and action of the dossier, from its control log.</summary>
public sealed class ControlModel(IGrainFactory grains, ApiZone zone, UnitNames units, IOptions<CenterOptions> center) : SlipModel(grains, zone, units, center)
{
    public override string Kind => PrintedForms.Control;

    protected override DateTimeOffset? DatedAt(DossierSnapshot d) => d.ReceivedAt;
}
