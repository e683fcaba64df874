using HccOrleans.Api.Hosting;
using HccOrleans.Api.Web;
using HccOrleans.Grains;
using HccOrleans.Model;
using Microsoft.Extensions.Options;

namespace HccOrleans.Api.Pages.Slips;

/// <summary>Form 05 of Circular 03/2025: notice that processing stopped, with the reason (the leader's, or the lapse of a supplement or payment).</summary>
public sealed class StopModel(IGrainFactory grains, ApiZone zone, UnitNames units, IOptions<CenterOptions> center) : SlipModel(grains, zone, units, center)
{
    public override string Kind => PrintedForms.Stop;

    protected override DateTimeOffset? DatedAt(DossierSnapshot d) => d.Status == DossierStatus.Stopped ? d.ClosedAt : null;
}
