using HccOrleans.Api.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HccOrleans.Api.Endpoints;

/// <summary>
/// The citizen's anonymous endpoints, keyed by dossier code and ID number: the status lookup and the rating of a
/// returned dossier. Each is rate limited per address (<c>Lookup:PermitsPerMinute</c> requests a minute).
/// </summary>
public static class CitizenEndpoints
{
    public const string LookupLimit = "lookup";
    public const string RatingLimit = "rating";

    private static readonly Rejection NoMatch = new(RejectionKind.NotFound, RuleCodes.DossierNotFound, "No dossier matches this code and ID number.");

    public static IEndpointRouteBuilder MapCitizenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/lookup", Lookup)
            .AllowAnonymous()
            .RequireRateLimiting(LookupLimit)
            .WithName("LookupDossier")
            .WithSummary("A dossier's status for its applicant; 404 unless both the code and the ID number match.")
            .WithTags("Lookup")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        app.MapPost("/api/dossiers/{code}/rating", Rate)
            .AllowAnonymous()
            .RequireRateLimiting(RatingLimit)
            .WithName("RateDossier")
            .WithSummary("The applicant rates a returned dossier, once; 404 unless the code and the ID number match.")
            .WithTags("Lookup")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    public static async Task<Results<Ok<CitizenRating>, Refusal>> Rate(string code, RatingBody? body, IGrainFactory grains)
    {
        if (body?.Rating is not { } rating)
        {
            return ProblemResults.Invalid("rating", $"is required: {EnumWords.All<SatisfactionRating>()}.");
        }

        if (string.IsNullOrWhiteSpace(body.IdNumber))
        {
            return ProblemResults.Invalid("idNumber", "is required.");
        }

        var result = DossierCode.TryParse(code, out _, out _, out _) && body.IdNumber.Length <= 20
            ? await (await grains.DossierAsync(code)).RateAsync(body.IdNumber, body.ToInput(rating))
            : new RatingResult(null, NoMatch);
        return result.Rejection is { } rejection ? rejection.ToRefusal() : TypedResults.Ok(result.Rating!);
    }

    public static async Task<Results<Ok<LookupView>, Refusal>> Lookup(string? code, string? idNumber, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(idNumber))
        {
            return new Rejection(RejectionKind.Invalid, RuleCodes.Validation, "Both code and idNumber are required.", Errors: new()
            {
                [string.IsNullOrWhiteSpace(code) ? "code" : "idNumber"] = ["is required."],
            }).ToRefusal();
        }

        var view = DossierCode.TryParse(code, out _, out _, out _) && idNumber.Length <= 20
            ? await (await grains.DossierAsync(code)).LookupAsync(idNumber)
            : null;
        return view is null ? NoMatch.ToRefusal() : TypedResults.Ok(view);
    }
}
