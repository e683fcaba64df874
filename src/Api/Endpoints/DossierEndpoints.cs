using HccOrleans.Api.Web;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;

namespace HccOrleans.Api.Endpoints;

/// <summary>Submission, reading and the actions of the dossier workflow (each regime offers its own).</summary>
public static class DossierEndpoints
{
    public const int MaxIdempotencyKeyLength = 100;

    public static IEndpointRouteBuilder MapDossierEndpoints(this IEndpointRouteBuilder app)
    {
        var dossiers = app.MapGroup("/api/dossiers").RequireAuthorization().WithTags("Dossiers");
        dossiers.MapPost("/", Submit).WithName("SubmitDossier")
            .WithSummary("Registers a dossier (officer or portal); requires an Idempotency-Key header.");
        dossiers.MapGet("/{code}", Get).WithName("GetDossier").WithSummary("The dossier with its control log.");
        dossiers.MapGet("/{code}/result", Result).WithName("GetDossierResult")
            .RequireAuthorization(policy => policy.RequireRole("officer", "specialist", "leader", "director", "admin"))
            .WithSummary("The result document's electronic copy, for staff who see the dossier; citizens receive it through the portal (no anonymous download, Decree 118/2025 Art. 5(1)(d)).");

        // The actions, one line each: the body record says what the action carries. Concrete lambdas, not a generic
        // helper, so that the endpoints are generated at build time.
        Describe(dossiers.MapPost(PathOf(DossierAction.Receive), (HttpContext http, string code, NoteBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Receive, body?.ToFields())), DossierAction.Receive,
            "Receives a submitted dossier: the clock starts and the due date is fixed; a note says why a required component is missing.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Refuse), (HttpContext http, string code, RefuseBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Refuse, body?.ToFields())), DossierAction.Refuse,
            "Refuses a submitted dossier (form 03), once, with its reasons; outside the unit's competence, fileWith names where to file.");
        Describe(dossiers.MapPost(PathOf(DossierAction.RequestSupplement), (HttpContext http, string code, SupplementRequestBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.RequestSupplement, body?.ToFields())), DossierAction.RequestSupplement, "Asks the applicant for more documents (form 02).");
        Describe(dossiers.MapPost(PathOf(DossierAction.Supplement), (HttpContext http, string code, NoteBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Supplement, body?.ToFields())), DossierAction.Supplement, "Records the applicant's supplement; the dossier goes back where it was.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Appraise), (HttpContext http, string code, AppraiseBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Appraise, body?.ToFields())), DossierAction.Appraise, "Records the specialist's appraisal: eligible or ineligible.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Approve), async (HttpContext http, string code, ApproveBody? body, IGrainFactory grains, IFileStore files) =>
            await Files.DocumentChecks.FileRefusalAsync("result.fileId", body?.Result?.FileId, files, http.RequestAborted) is { } missing
                ? missing.ToRefusal()
                : await Act(http, code, grains, DossierAction.Approve, body?.ToFields())), DossierAction.Approve,
            "Approves the result, with its result document (name, type, summary, validity, scope, electronic copy) if given; the dossier is done.");
        Describe(dossiers.MapPost(PathOf(DossierAction.SendBack), (HttpContext http, string code, ReasonBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.SendBack, body?.ToFields())), DossierAction.SendBack, "Sends the dossier back to appraisal.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Return), (HttpContext http, string code, ReturnBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Return, body?.ToFields())), DossierAction.Return, "Hands the result back to the applicant.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Withdraw), (HttpContext http, string code, ReasonBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Withdraw, body?.ToFields())), DossierAction.Withdraw, "Withdraws the dossier at the applicant's request.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Apologize), (HttpContext http, string code, ApologizeBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Apologize, body?.ToFields())), DossierAction.Apologize, "Issues the apology letter (form 04) with a new due date.");
        Describe(dossiers.MapPost(PathOf(DossierAction.RequestPayment), (HttpContext http, string code, PaymentRequestBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.RequestPayment, body?.ToFields())), DossierAction.RequestPayment, "Sets a financial obligation (fee, tax); the clock pauses until it is paid.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Pay), (HttpContext http, string code, PayBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Pay, body?.ToFields())), DossierAction.Pay, "Records the payment of the obligation; the clock resumes, shifted by the pause.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Stop), (HttpContext http, string code, ReasonBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Stop, body?.ToFields())), DossierAction.Stop, "Stops processing with a written reason (the stop notice); Decree 61/2018 dossiers only.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Transfer), (HttpContext http, string code, NoteBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Transfer, body?.ToFields())), DossierAction.Transfer, "Hands a paper dossier to the handling agency, whose appraisal starts.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Close), (HttpContext http, string code, ReasonBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Close, body?.ToFields())), DossierAction.Close, "Closes a dossier whose supplement never came, once 15 days from the notice have run.");
        Describe(dossiers.MapPost(PathOf(DossierAction.ProposeExtension), (HttpContext http, string code, ApologizeBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.ProposeExtension, body?.ToFields())), DossierAction.ProposeExtension, "The agency's apology and request for a later date (form 04); the old date stands until confirmed.");
        Describe(dossiers.MapPost(PathOf(DossierAction.ConfirmExtension), (HttpContext http, string code, NoteBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.ConfirmExtension, body?.ToFields())), DossierAction.ConfirmExtension, "Puts the proposed date in force and tells the citizen.");
        Describe(dossiers.MapPost(PathOf(DossierAction.DeclineExtension), (HttpContext http, string code, ReasonBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.DeclineExtension, body?.ToFields())), DossierAction.DeclineExtension, "Closes the extension proposal; the due date stays.");
        Describe(dossiers.MapPost(PathOf(DossierAction.CorrectResult), async (HttpContext http, string code, CorrectResultBody? body, IGrainFactory grains, IFileStore files) =>
            await Files.DocumentChecks.FileRefusalAsync("fileId", body?.FileId, files, http.RequestAborted) is { } missing
                ? missing.ToRefusal()
                : await Act(http, code, grains, DossierAction.CorrectResult, body?.ToFields())), DossierAction.CorrectResult, "Opens the correction of a wrong result, due within 3 working days; the corrected result is returned again.");
        Describe(dossiers.MapPost(PathOf(DossierAction.CompletePart), (HttpContext http, string code, CompletePartBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.CompletePart, body?.ToFields())), DossierAction.CompletePart,
            "An agency of inter-agency work ends its part (its specialist or leader); sequential work then starts the next agency's.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Consult), (HttpContext http, string code, ConsultBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Consult, body?.ToFields())), DossierAction.Consult,
            "The appraising specialist asks another agency's opinion, due by dueAt; a late answer is escalated to the one-stop unit's head.");
        Describe(dossiers.MapPost(PathOf(DossierAction.AnswerConsultation), (HttpContext http, string code, AnswerConsultationBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.AnswerConsultation, body?.ToFields())), DossierAction.AnswerConsultation,
            "The consulted agency answers consultation id, once.");
        Describe(dossiers.MapPost(PathOf(DossierAction.Assign), (HttpContext http, string code, AssignBody? body, IGrainFactory grains) =>
            Act(http, code, grains, DossierAction.Assign, body?.ToFields())), DossierAction.Assign,
            "Gives the appraisal to userName, an active specialist of the appraising agency: a leader assigns and reassigns; a specialist claims it for themselves while no one has it. Another specialist cannot act on an assigned appraisal.");
        return app;
    }

    private static string PathOf(DossierAction action) => $"/{{code}}/{EnumWords.Of(action)}";

    private static void Describe(RouteHandlerBuilder endpoint, DossierAction action, string summary) =>
        endpoint.WithName($"Dossier-{EnumWords.Of(action)}").WithSummary(summary);

    public static async Task<Results<Created<DossierSnapshot>, Ok<DossierSnapshot>, Refusal>> Submit(HttpContext http, SubmissionRequest? body, IGrainFactory grains, IFileStore files)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxIdempotencyKeyLength || key.Any(char.IsControl))
        {
            return ProblemResults.Invalid("Idempotency-Key", $"header is required: 1 to {MaxIdempotencyKeyLength} printable characters.");
        }

        if (await Files.DocumentChecks.RefusalAsync(body, files, grains, http.RequestAborted) is { } refused)
        {
            return refused.ToRefusal();
        }

        var actor = http.User.ToActor();
        var outcome = await grains.Reference<ISubmissionGrain>(GrainKeys.Submission(actor.Subject, key)).SubmitAsync(actor, body!);
        if (outcome.Result.Rejection is { } rejection)
        {
            return rejection.ToRefusal();
        }

        var dossier = outcome.Result.Dossier!;
        SetETag(http, dossier);
        return outcome.Created
            ? TypedResults.Created($"/api/dossiers/{Uri.EscapeDataString(dossier.Code)}", dossier)
            : TypedResults.Ok(dossier);
    }

    public static async Task<Results<PushStreamHttpResult, Refusal>> Result(HttpContext http, string code, IGrainFactory grains, IFileStore files)
    {
        if (!DossierCode.TryParse(code, out _, out _, out _))
        {
            return UnknownCode(code);
        }

        var read = await (await grains.DossierAsync(code)).GetAsync(http.User.ToActor());
        if (read.Rejection is { } rejection)
        {
            return rejection.ToRefusal();
        }

        if (read.Dossier!.Result is not { FileId: { } fileId } result || await files.FindAsync(fileId, http.RequestAborted) is not { } file)
        {
            return new Rejection(RejectionKind.NotFound, RuleCodes.ResultNotIssued, "This dossier has no electronic result.").ToRefusal();
        }

        var cancellation = http.RequestAborted;
        return TypedResults.Stream(body => files.CopyToAsync(fileId, body, cancellation), file.MediaType, $"{result.DocumentCode}{Path.GetExtension(file.Name)}");
    }

    public static async Task<Results<Ok<DossierSnapshot>, Refusal>> Get(HttpContext http, string code, IGrainFactory grains) =>
        DossierCode.TryParse(code, out _, out _, out _)
            ? ToHttp(http, await (await grains.DossierAsync(code)).GetAsync(http.User.ToActor()))
            : UnknownCode(code);

    /// <summary>Any action but submission: the version check from If-Match, then the grain decides.</summary>
    public static async Task<Results<Ok<DossierSnapshot>, Refusal>> Act(HttpContext http, string code, IGrainFactory grains, DossierAction action, ActionFields? fields)
    {
        if (!TryParseIfMatch(http.Request.Headers.IfMatch, out var expected))
        {
            return ProblemResults.Invalid("If-Match", "must be the dossier's version in quotes, e.g. \"3\".");
        }

        if (!DossierCode.TryParse(code, out _, out _, out _))
        {
            return UnknownCode(code);
        }

        var context = new ActorContext(http.User.ToActor(), expected);
        return ToHttp(http, await (await grains.DossierAsync(code)).ActAsync(action, context, fields ?? new()));
    }

    private static Results<Ok<DossierSnapshot>, Refusal> ToHttp(HttpContext http, DossierResult result)
    {
        if (result.Rejection is { } rejection)
        {
            return rejection.ToRefusal();
        }

        SetETag(http, result.Dossier!);
        return TypedResults.Ok(result.Dossier);
    }

    private static void SetETag(HttpContext http, DossierSnapshot dossier) =>
        http.Response.Headers.ETag = $"\"{dossier.Version.ToString(CultureInfo.InvariantCulture)}\"";

    private static Refusal UnknownCode(string code) =>
        new Rejection(RejectionKind.NotFound, RuleCodes.DossierNotFound, $"'{code}' is not the code of any dossier.").ToRefusal();

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
