using HccOrleans.Api.Problems;
using HccOrleans.Grains;
using HccOrleans.Model;

namespace HccOrleans.Api.Endpoints;

/// <summary>The citizen's anonymous status lookup by dossier code and ID number.</summary>
public static class LookupEndpoints
{
    public const string RateLimitPolicy = "lookup";

    public static IEndpointRouteBuilder MapLookupEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/lookup", Lookup)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .WithName("LookupDossier")
            .WithSummary("A dossier's status for its applicant; 404 unless both the code and the ID number match.")
            .WithTags("Lookup")
            .Produces<LookupView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<IResult> Lookup(string? code, string? idNumber, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(idNumber))
        {
            return new Rejection(RejectionKind.Invalid, "validation", "Both code and idNumber are required.", Errors: new()
            {
                [string.IsNullOrWhiteSpace(code) ? "code" : "idNumber"] = ["is required."],
            }).ToProblem();
        }

        var view = DossierCode.TryParse(code, out _, out _, out _) && idNumber.Length <= 20
            ? await grains.GetGrain<IDossierGrain>(code).LookupAsync(idNumber)
            : null;
        return view is null
            ? new Rejection(RejectionKind.NotFound, "dossier-not-found", "No dossier matches this code and ID number.").ToProblem()
            : TypedResults.Ok(view);
    }
}
