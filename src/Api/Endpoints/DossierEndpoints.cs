using System.Globalization;
using HccOrleans.Api.Auth;
using HccOrleans.Api.Problems;
using HccOrleans.Grains;
using HccOrleans.Model;
using Microsoft.Extensions.Primitives;

namespace HccOrleans.Api.Endpoints;

/// <summary>Submission, reading and the thirteen actions of the dossier workflow.</summary>
public static class DossierEndpoints
{
    public const int MaxIdempotencyKeyLength = 100;

    public static IEndpointRouteBuilder MapDossierEndpoints(this IEndpointRouteBuilder app)
    {
        var dossiers = app.MapGroup("/api/dossiers").RequireAuthorization().WithTags("Dossiers");
        dossiers.MapPost("/", Submit).WithName("SubmitDossier")
            .WithSummary("Registers a dossier (officer or portal); requires an Idempotency-Key header.")
            .Produces<DossierSnapshot>(StatusCodes.Status201Created).Produces<DossierSnapshot>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        dossiers.MapGet("/{code}", Get).WithName("GetDossier").WithSummary("The dossier with its control log.")
            .Produces<DossierSnapshot>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        MapAction(dossiers, "receive", "Receives a submitted dossier: the clock starts and the due date is fixed.",
            (HttpContext http, string code, IGrainFactory grains) => Act(http, code, grains, (g, c) => g.ReceiveAsync(c)));
        MapAction(dossiers, "refuse", "Refuses a submitted dossier (form 03).",
            (HttpContext http, string code, ReasonBody? body, IGrainFactory grains) => Act(http, code, grains, (g, c) => g.RefuseAsync(c, body?.Reason ?? "")));
        MapAction(dossiers, "request-supplement", "Asks the applicant for more documents (form 02).",
            (HttpContext http, string code, SupplementRequestBody? body, IGrainFactory grains) =>
                Act(http, code, grains, (g, c) => g.RequestSupplementAsync(c, body?.Reason ?? "", body?.Items ?? [])));
        MapAction(dossiers, "supplement", "Records the applicant's supplement; the dossier goes back where it was.",
            (HttpContext http, string code, NoteBody? body, IGrainFactory grains) => Act(http, code, grains, (g, c) => g.SupplementAsync(c, body?.Note)));
        MapAction(dossiers, "appraise", "Records the specialist's appraisal: eligible or ineligible.",
            (HttpContext http, string code, AppraiseBody? body, IGrainFactory grains) => body?.Outcome is { } outcome
                ? Act(http, code, grains, (g, c) => g.AppraiseAsync(c, outcome, body.Note))
                : Task.FromResult(Problems.Problems.Invalid("outcome", "is required: eligible or ineligible.")));
        MapAction(dossiers, "approve", "Approves the result; the dossier is done.",
            (HttpContext http, string code, NoteBody? body, IGrainFactory grains) => Act(http, code, grains, (g, c) => g.ApproveAsync(c, body?.Note)));
        MapAction(dossiers, "send-back", "Sends the dossier back to appraisal.",
            (HttpContext http, string code, ReasonBody? body, IGrainFactory grains) => Act(http, code, grains, (g, c) => g.SendBackAsync(c, body?.Reason ?? "")));
        MapAction(dossiers, "return", "Hands the result back to the applicant.",
            (HttpContext http, string code, ReturnBody? body, IGrainFactory grains) => body?.Method is { } method
                ? Act(http, code, grains, (g, c) => g.ReturnAsync(c, method))
                : Task.FromResult(Problems.Problems.Invalid("method", "is required: counter, postal or online.")));
        MapAction(dossiers, "withdraw", "Withdraws the dossier at the applicant's request.",
            (HttpContext http, string code, ReasonBody? body, IGrainFactory grains) => Act(http, code, grains, (g, c) => g.WithdrawAsync(c, body?.Reason ?? "")));
        MapAction(dossiers, "apologize", "Issues the apology letter (form 04) with a new due date.",
            (HttpContext http, string code, ApologizeBody? body, IGrainFactory grains) => body?.NewDueAt is { } newDueAt
                ? Act(http, code, grains, (g, c) => g.ApologizeAsync(c, body.Reason ?? "", newDueAt))
                : Task.FromResult(Problems.Problems.Invalid("newDueAt", "is required.")));
        MapAction(dossiers, "request-payment", "Sets a financial obligation (fee, tax); the clock pauses until it is paid.",
            (HttpContext http, string code, PaymentRequestBody? body, IGrainFactory grains) => body?.Amount is { } amount
                ? Act(http, code, grains, (g, c) => g.RequestPaymentAsync(c, amount, body.Note))
                : Task.FromResult(Problems.Problems.Invalid("amount", "is required: the amount in đồng.")));
        MapAction(dossiers, "pay", "Records the payment of the obligation; the clock resumes, shifted by the pause.",
            (HttpContext http, string code, PayBody? body, IGrainFactory grains) => body?.Amount is { } amount
                ? Act(http, code, grains, (g, c) => g.PayAsync(c, body.ReceiptNumber ?? "", amount))
                : Task.FromResult(Problems.Problems.Invalid("amount", "is required: the amount paid, in đồng.")));
        MapAction(dossiers, "stop", "Stops processing with a written reason (the stop notice).",
            (HttpContext http, string code, ReasonBody? body, IGrainFactory grains) => Act(http, code, grains, (g, c) => g.StopAsync(c, body?.Reason ?? "")));
        return app;
    }

    private static void MapAction(RouteGroupBuilder group, string action, string summary, Delegate handler) =>
        group.MapPost($"/{{code}}/{action}", handler)
            .WithName($"Dossier-{action}")
            .WithSummary(summary)
            .Produces<DossierSnapshot>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> Submit(HttpContext http, SubmissionRequest? body, IGrainFactory grains)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxIdempotencyKeyLength || key.Any(char.IsControl))
        {
            return Problems.Problems.Invalid("Idempotency-Key", $"header is required: 1 to {MaxIdempotencyKeyLength} printable characters.");
        }

        var actor = http.User.ToActor();
        var outcome = await grains.GetGrain<ISubmissionGrain>(GrainKeys.Submission(actor.Subject, key)).SubmitAsync(actor, body!);
        if (outcome.Result.Rejection is { } rejection)
        {
            return rejection.ToProblem();
        }

        var dossier = outcome.Result.Dossier!;
        SetETag(http, dossier);
        return outcome.Created
            ? TypedResults.Created($"/api/dossiers/{Uri.EscapeDataString(dossier.Code)}", dossier)
            : TypedResults.Ok(dossier);
    }

    private static async Task<IResult> Get(HttpContext http, string code, IGrainFactory grains)
    {
        if (!DossierCode.TryParse(code, out _, out _, out _))
        {
            return UnknownCode(code);
        }

        return ToHttp(http, await grains.GetGrain<IDossierGrain>(code).GetAsync(http.User.ToActor()));
    }

    private static async Task<IResult> Act(HttpContext http, string code, IGrainFactory grains, Func<IDossierGrain, ActionContext, Task<DossierResult>> action)
    {
        if (!TryParseIfMatch(http.Request.Headers.IfMatch, out var expected))
        {
            return Problems.Problems.Invalid("If-Match", "must be the dossier's version in quotes, e.g. \"3\".");
        }

        if (!DossierCode.TryParse(code, out _, out _, out _))
        {
            return UnknownCode(code);
        }

        return ToHttp(http, await action(grains.GetGrain<IDossierGrain>(code), new ActionContext(http.User.ToActor(), expected)));
    }

    private static IResult ToHttp(HttpContext http, DossierResult result)
    {
        if (result.Rejection is { } rejection)
        {
            return rejection.ToProblem();
        }

        SetETag(http, result.Dossier!);
        return TypedResults.Ok(result.Dossier);
    }

    private static void SetETag(HttpContext http, DossierSnapshot dossier) =>
        http.Response.Headers.ETag = $"\"{dossier.Version.ToString(CultureInfo.InvariantCulture)}\"";

    private static IResult UnknownCode(string code) =>
        new Rejection(RejectionKind.NotFound, "dossier-not-found", $"'{code}' is not the code of any dossier.").ToProblem();

    /// <summary>Accepts <c>"3"</c>, <c>W/"3"</c> or a bare <c>3</c>; no header means no version check.</summary>
    internal static bool TryParseIfMatch(StringValues header, out long? version)
    {
        version = null;
        var text = header.ToString().Trim();
        if (text.Length == 0)
        {
            return true;
        }

        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        text = text.Trim('"');
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        version = parsed;
        return true;
    }
}
