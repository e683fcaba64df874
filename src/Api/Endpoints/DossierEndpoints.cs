using System.Globalization;
using HccOrleans.Api.Auth;
using HccOrleans.Api.Problems;
using HccOrleans.Grains.Interfaces;
using HccOrleans.Grains.Interfaces.Model;
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

        // One concrete handler per action (no generic helper): the endpoints are generated at build time.
        Describe(dossiers.MapPost(PathOf(DossierAction.Receive), (HttpContext http, string code, EmptyBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Receive, new())), DossierAction.Receive, "Receives a submitted dossier: the clock starts and the due date is fixed.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Refuse), (HttpContext http, string code, ReasonBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Refuse, new() { Reason = body?.Reason })), DossierAction.Refuse, "Refuses a submitted dossier (form 03).");
        Describe(dossiers.MapPost(PathOf(DossierAction.RequestSupplement), (HttpContext http, string code, SupplementRequestBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.RequestSupplement, new() { Reason = body?.Reason, Items = body?.Items })),
            DossierAction.RequestSupplement, "Asks the applicant for more documents (form 02).");
        Describe(dossiers.MapPost(PathOf(DossierAction.Supplement), (HttpContext http, string code, NoteBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Supplement, new() { Note = body?.Note })),
            DossierAction.Supplement, "Records the applicant's supplement; the dossier goes back where it was.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Appraise), (HttpContext http, string code, AppraiseBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Appraise, new() { Outcome = body?.Outcome, Note = body?.Note })),
            DossierAction.Appraise, "Records the specialist's appraisal: eligible or ineligible.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Approve), (HttpContext http, string code, NoteBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Approve, new() { Note = body?.Note })), DossierAction.Approve, "Approves the result; the dossier is done.");
        Describe(dossiers.MapPost(PathOf(DossierAction.SendBack), (HttpContext http, string code, ReasonBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.SendBack, new() { Reason = body?.Reason })), DossierAction.SendBack, "Sends the dossier back to appraisal.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Return), (HttpContext http, string code, ReturnBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Return, new() { Method = body?.Method })), DossierAction.Return, "Hands the result back to the applicant.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Withdraw), (HttpContext http, string code, ReasonBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Withdraw, new() { Reason = body?.Reason })), DossierAction.Withdraw, "Withdraws the dossier at the applicant's request.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Apologize), (HttpContext http, string code, ApologizeBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Apologize, new() { Reason = body?.Reason, NewDueAt = body?.NewDueAt })),
            DossierAction.Apologize, "Issues the apology letter (form 04) with a new due date.");
        Describe(dossiers.MapPost(PathOf(DossierAction.RequestPayment), (HttpContext http, string code, PaymentRequestBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.RequestPayment, new() { Amount = body?.Amount, Note = body?.Note })),
            DossierAction.RequestPayment, "Sets a financial obligation (fee, tax); the clock pauses until it is paid.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Pay), (HttpContext http, string code, PayBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Pay, new() { ReceiptNumber = body?.ReceiptNumber, Amount = body?.Amount })),
            DossierAction.Pay, "Records the payment of the obligation; the clock resumes, shifted by the pause.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Stop), (HttpContext http, string code, ReasonBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Stop, new() { Reason = body?.Reason })), DossierAction.Stop, "Stops processing with a written reason (the stop notice).");
        return app;
    }

    private static string PathOf(DossierAction action) => $"/{{code}}/{EnumWords.Of(action)}";

    private static void Describe(RouteHandlerBuilder endpoint, DossierAction action, string summary) => endpoint
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

    private static async Task<IResult> Act(HttpContext http, string code, IGrainFactory grains, DossierAction action, ActionFields fields)
    {
        if (!TryParseIfMatch(http.Request.Headers.IfMatch, out var expected))
        {
            return Problems.Problems.Invalid("If-Match", "must be the dossier's version in quotes, e.g. \"3\".");
        }

        if (!DossierCode.TryParse(code, out _, out _, out _))
        {
            return UnknownCode(code);
        }

        return ToHttp(http, await DossierActions.InvokeAsync(grains.GetGrain<IDossierGrain>(code), action, new ActionContext(http.User.ToActor(), expected), fields));
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
