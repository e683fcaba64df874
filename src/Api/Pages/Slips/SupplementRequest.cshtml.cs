using HccOrleans.Api.Hosting;
using HccOrleans.Api.Web;
using HccOrleans.Grains;
using HccOrleans.Model;
using Microsoft.Extensions.Options;

namespace HccOrleans.Api.Pages.Slips;

/// <summary>Form 02: what the applicant must add, and why (the last supplement request).</summary>
public sealed class SupplementRequestModel(IGrainFactory grains, ApiZone zone, UnitNames units, IOptions<CenterOptions> center) : SlipModel(grains, zone, units, center)
{
    public override string Kind => PrintedForms.SupplementRequest;

    protected override DateTimeOffset? DatedAt(DossierSnapshot d) => Last(d, DossierAction.RequestSupplement)?.At;
}
