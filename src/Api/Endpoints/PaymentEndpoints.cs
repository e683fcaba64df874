using Microsoft.AspNetCore.Http.HttpResults;

namespace HccOrleans.Api.Endpoints;

/// <summary>The payment platform's side (Decree 118/2025 Art. 24; docs/rules/documents-and-results.md "Fees and payments").</summary>
public static class PaymentEndpoints
{
    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/payments/callback", Callback)
            .RequireAuthorization(policy => policy.RequireRole("portal"))
            .WithTags("Dossiers").WithName("PaymentCallback")
            .WithSummary("Records an online payment the platform confirms (service account with the portal role); repeated calls with the same reference record it once.");
        return app;
    }

    /// <summary>The platform's confirmation as the dossier's <c>pay</c>, online: a repeat of a recorded payment answers 200 and changes nothing.</summary>
    public static Task<Results<Ok<DossierSnapshot>, Refusal>> Callback(HttpContext http, PaymentCallbackBody? body, IGrainFactory grains) =>
        string.IsNullOrWhiteSpace(body?.DossierCode)
            ? Task.FromResult<Results<Ok<DossierSnapshot>, Refusal>>(ProblemResults.Invalid("dossierCode", "is required: the dossier the payment is for."))
            : DossierEndpoints.Act(http, body.DossierCode.Trim(), grains, DossierAction.Pay, body.ToFields());
}
