using System.Globalization;
using HccOrleans.Api.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HccOrleans.Api.Endpoints;

/// <summary>
/// Feedback (phản ánh, kiến nghị; docs/rules/feedback.md): the citizen sends it anonymously from the lookup page,
/// rate limited per address; staff list it and answer it, each unit its own, directors all.
/// </summary>
public static class FeedbackEndpoints
{
    public const string FeedbackLimit = "feedback";

    private static readonly Rejection NoMatch = new(RejectionKind.NotFound, RuleCodes.DossierNotFound, "No dossier matches this code and ID number.");

    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/feedback", Submit)
            .AllowAnonymous()
            .RequireRateLimiting(FeedbackLimit)
            .WithTags("Lookup").WithName("SendFeedback")
            .WithSummary("A citizen's feedback about a dossier (with its code and the applicant's ID number), an official's conduct or a regulation.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        var staff = app.MapGroup("/api/feedback").RequireAuthorization(policy => policy.RequireRole("officer", "specialist", "leader", "director", "admin")).WithTags("Feedback");
        staff.MapGet("/", List).WithName("ListFeedback").WithSummary("The feedback of a year (default this one) the caller's unit answers; directors see all.");
        staff.MapPost("/{id}/answer", Answer).WithName("AnswerFeedback").WithSummary("Answers a feedback once, and publishes the answer if asked.");
        return app;
    }

    public static async Task<Results<Created<FeedbackView>, Refusal>> Submit(FeedbackBody? body, IGrainFactory grains, EngineNow clock, ApiZone zone)
    {
        var (created, rejection) = await SendAsync(body, grains, clock, zone);
        return rejection is not null ? rejection.ToRefusal() : TypedResults.Created($"/api/feedback/{created!.Id}", created);
    }

    /// <summary>A citizen's feedback, from the API or the lookup page: a dossier's must match its applicant's ID number.</summary>
    public static async Task<(FeedbackView? Created, Rejection? Rejection)> SendAsync(FeedbackBody? body, IGrainFactory grains, EngineNow clock, ApiZone zone)
    {
        if (body is null)
        {
            return (null, Rejection.Validation(new Dictionary<string, string[]> { ["content"] = ["is required."] }));
        }

        string? unit = null;
        if (!string.IsNullOrWhiteSpace(body.DossierCode))
        {
            var code = body.DossierCode.Trim();
            var view = !string.IsNullOrWhiteSpace(body.IdNumber) && body.IdNumber.Length <= 20 && DossierCode.TryParse(code, out _, out _, out _)
                ? await (await grains.DossierAsync(code)).LookupAsync(body.IdNumber)
                : null;
            if (view is null)
            {
                return (null, NoMatch);
            }

            unit = view.ReceivingUnit;
        }

        var year = FeedbackBooks.Year(clock.Now, zone.Zone);
        var result = await grains.Reference<IFeedbackBookGrain>(year).SubmitAsync(body.ToFeedback(), unit);
        return result.Rejection is { } rejection ? (null, rejection) : (FeedbackView.Of(year, result.Item!), null);
    }

    public static async Task<Ok<ItemList<FeedbackView>>> List(HttpContext http, int? year, IGrainFactory grains, EngineNow clock, ApiZone zone)
    {
        var actor = http.User.ToActor();
        var book = year ?? FeedbackBooks.Year(clock.Now, zone.Zone);
        var items = await grains.Reference<IFeedbackBookGrain>(book).ListAsync();
        return TypedResults.Ok(new ItemList<FeedbackView>([.. items.Where(f => Answers(actor, f)).Select(f => FeedbackView.Of(book, f))]));
    }

    public static async Task<Results<Ok<FeedbackView>, Refusal>> Answer(HttpContext http, string id, FeedbackAnswerBody? body, IGrainFactory grains)
    {
        var (answered, rejection) = await AnswerAsync(http.User.ToActor(), id, body?.Answer, body?.Publish ?? false, grains);
        return rejection is not null ? rejection.ToRefusal() : TypedResults.Ok(answered!);
    }

    /// <summary>A staff answer, from the API or the feedback page: only to a feedback the person's unit answers.</summary>
    public static async Task<(FeedbackView? Answered, Rejection? Rejection)> AnswerAsync(Actor actor, string id, string? answer, bool publish, IGrainFactory grains)
    {
        if (!FeedbackView.TryParse(id, out var year, out var number))
        {
            return (null, new Rejection(RejectionKind.NotFound, RuleCodes.FeedbackNotFound, $"'{id}' is not a feedback id (year-number)."));
        }

        var book = grains.Reference<IFeedbackBookGrain>(year);
        if ((await book.ListAsync()).FirstOrDefault(f => f.Id == number) is not { } item || !Answers(actor, item))
        {
            return (null, new Rejection(RejectionKind.NotFound, RuleCodes.FeedbackNotFound, "No feedback with this id is answered by your unit."));
        }

        var result = await book.AnswerAsync(number, answer, publish, actor.Subject);
        return result.Rejection is { } rejection ? (null, rejection) : (FeedbackView.Of(year, result.Item!), null);
    }

    /// <summary>Who answers a feedback: its dossier's receiving unit; the center's own (no dossier) and every unit's, the director.</summary>
    public static bool Answers(Actor actor, FeedbackItem feedback) =>
        actor.SeesAll() || (feedback.Unit is { } unit && unit == actor.Agency);
}

public sealed record FeedbackBody(FeedbackAbout? About, string? Content, string? Contact, string? DossierCode, string? IdNumber)
{
    public NewFeedback ToFeedback() => new(About, Content, Contact, DossierCode, IdNumber);
}

public sealed record FeedbackAnswerBody(string? Answer, bool? Publish);

/// <summary>A feedback with its id: the year it was received and its number in that year.</summary>
public sealed record FeedbackView(string Id, FeedbackItem Feedback)
{
    public static FeedbackView Of(int year, FeedbackItem item) => new(string.Create(CultureInfo.InvariantCulture, $"{year}-{item.Id}"), item);

    public static bool TryParse(string id, out int year, out int number)
    {
        var parts = id.Split('-');
        year = 0;
        number = 0;
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out number) && year is > 2000 and < 3000;
    }
}
