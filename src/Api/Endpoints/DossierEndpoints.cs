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

        MapAction<EmptyBody>(dossiers, DossierAction.Receive, "Receives a submitted dossier: the clock starts and the due date is fixed.", _ => new());
        MapAction<ReasonBody>(dossiers, DossierAction.Refuse, "Refuses a submitted dossier (form 03).", b => new() { Reason = b?.Reason });
        MapAction<SupplementRequestBody>(dossiers, DossierAction.RequestSupplement, "Asks the applicant for more documents (form 02).",
            b => new() { Reason = b?.Reason, Items = b?.Items });
        MapAction<NoteBody>(dossiers, DossierAction.Supplement, "Records the applicant's supplement; the dossier goes back where it was.", b => new() { Note = b?.Note });
        MapAction<AppraiseBody>(dossiers, DossierAction.Appraise, "Records the specialist's appraisal: eligible or ineligible.",
            b => new() { Outcome = b?.Outcome, Note = b?.Note });
        MapAction<NoteBody>(dossiers, DossierAction.Approve, "Approves the result; the dossier is done.", b => new() { Note = b?.Note });
        MapAction<ReasonBody>(dossiers, DossierAction.SendBack, "Sends the dossier back to appraisal.", b => new() { Reason = b?.Reason });
        MapAction<ReturnBody>(dossiers, DossierAction.Return, "Hands the result back to the applicant.", b => new() { Method = b?.Method });
        MapAction<ReasonBody>(dossiers, DossierAction.Withdraw, "Withdraws the dossier at the applicant's request.", b => new() { Reason = b?.Reason });
        MapAction<ApologizeBody>(dossiers, DossierAction.Apologize, "Issues the apology letter (form 04) with a new due date.",
            b => new() { Reason = b?.Reason, NewDueAt = b?.NewDueAt });
        MapAction<PaymentRequestBody>(dossiers, DossierAction.RequestPayment, "Sets a financial obligation (fee, tax); the clock pauses until it is paid.",
            b => new() { Amount = b?.Amount, Note = b?.Note });
        MapAction<PayBody>(dossiers, DossierAction.Pay, "Records the payment of the obligation; the clock resumes, shifted by the pause.",
            b => new() { ReceiptNumber = b?.ReceiptNumber, Amount = b?.Amount });
        MapAction<ReasonBody>(dossiers, DossierAction.Stop, "Stops processing with a written reason (the stop notice).", b => new() { Reason = b?.Reason });
        return app;
    }

    private static void MapAction<TBody>(RouteGroupBuilder group, DossierAction action, string summary, Func<TBody?, ActionFields> fields)
        where TBody : class =>
        group.MapPost($"/{{code}}/{EnumWords.Of(action)}", (HttpContext http, string code, TBody? body, IGrainFactory grains) =>
                Act(http, code, grains, (dossier, context) => DossierActions.InvokeAsync(dossier, action, context, fields(body))))
            .WithName($"Dossier-{EnumWords.Of(action)}")
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
