using HccOrleans.Api.Hosting;
using HccOrleans.Api.Web;
using HccOrleans.Grains;
using HccOrleans.Model;
using Microsoft.Extensions.Options;

namespace HccOrleans.Api.Pages.Slips;

/// <summary>Form 03: the refusal to receive the dossier, with the reason.</summary>
public sealed class RefusalModel(IGrainFactory grains, ApiZone zone, UnitNames units, IOptions<CenterOptions> center) : SlipModel(grains, zone, units, center)
{
    public override string Kind => PrintedForms.Refusal;

    protected override DateTimeOffset? DatedAt(DossierSnapshot d) => d.Status == DossierStatus.Refused ? Last(d, DossierAction.Refuse)?.At : null;
}
