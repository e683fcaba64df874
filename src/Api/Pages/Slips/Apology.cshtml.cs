using HccOrleans.Api.Hosting;
using HccOrleans.Api.Web;
using HccOrleans.Grains;
using HccOrleans.Model;
using Microsoft.Extensions.Options;

namespace HccOrleans.Api.Pages.Slips;

/// <summary>Form 04: the apology and the new date for the result.</summary>
public sealed class ApologyModel(IGrainFactory grains, ApiZone zone, UnitNames units, IOptions<CenterOptions> center) : SlipModel(grains, zone, units, center)
{
    public override string Kind => PrintedForms.Apology;

    protected override DateTimeOffset? DatedAt(DossierSnapshot d) => d.Apology?.At;
}
