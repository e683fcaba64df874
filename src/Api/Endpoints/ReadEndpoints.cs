using HccOrleans.Api.Endpoints.Filters;
using HccOrleans.Api.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HccOrleans.Api.Endpoints;

/// <summary>The dossier list, escalations and the notification outbox, scoped to the caller's agency.</summary>
public static class ReadEndpoints
{
    public static IEndpointRouteBuilder MapReadEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dossiers", List).RequireAuthorization().WithTags("Dossiers").WithName("ListDossiers")
            .WithSummary("Dossiers from the index, filtered and paged; agencies see their own, directors all.");
        app.MapGet("/api/search", Search).RequireAuthorization(policy => policy.RequireRole("officer", "specialist", "leader", "director", "admin"))
            .WithTags("Dossiers").WithName("SearchDossiers")
            .WithSummary("Finds dossiers in any status by official code, registration number, the applicant's ID number or name without accents, or the receipt's QR code; the caller's agency only, directors all; newest first, 20 at most.");
        app.MapGet("/api/escalations", Escalations).RequireAuthorization().WithTags("Escalations").WithName("ListEscalations")
            .WithSummary("Recorded escalations (due-soon, step-overdue, overdue), by agency, kind and firing time.");
        app.MapGet("/api/notifications", Notifications).RequireAuthorization().WithTags("Escalations").WithName("ListNotifications")
            .WithSummary("The notification outbox, optionally for one dossier.");
        return app;
    }

    /// <summary>Directors and administrators see every agency; everyone else is held to their own.</summary>
    public static bool SeesAll(this Actor actor) => actor.Has(Role.Director) || actor.Has(Role.Admin);

    public static async Task<Results<Ok<DossierPage>, Refusal>> List(
        [AsParameters] DossierListFilter filter, HttpContext http, IDossierQueries queries, EngineNow now, ApiZone zone)
    {
        if (filter.Check() is { IsValid: false } errors)
        {
            return errors.Refusal();
        }

        var actor = http.User.ToActor();
        return TypedResults.Ok(await queries.ListAsync(filter.ToQuery(zone.Zone) with { ScopeAgency = actor.SeesAll() ? null : actor.Agency, Now = now.Now }));
    }

    public static async Task<Results<Ok<DossierPage>, Refusal>> Search([FromQuery(Name = "q")] string? q, HttpContext http, IDossierQueries queries, EngineNow now)
    {
        var (words, problem) = Web.StaffSearch.Words(q);
        return problem is not null
            ? ProblemResults.Invalid("q", problem)
            : TypedResults.Ok(await queries.ListAsync(Web.StaffSearch.Query(words, http.User.ToActor(), now.Now)));
    }

    public static async Task<Results<Ok<ItemList<EscalationEntry>>, Refusal>> Escalations(
        [AsParameters] EscalationFilter filter, HttpContext http, IDossierQueries queries, ApiZone zone)
    {
        var actor = http.User.ToActor();
        var agency = filter.Agency?.Value;
        if (!actor.SeesAll() && agency is not null && agency != actor.Agency)
        {
            return Forbidden(actor);
        }

        if (filter.Check() is { IsValid: false } errors)
        {
            return errors.Refusal();
        }

        var query = new EscalationQuery(actor.SeesAll() ? agency : actor.Agency, filter.Kind?.Value, filter.From?.In(zone.Zone), filter.To?.In(zone.Zone));
        return TypedResults.Ok(new ItemList<EscalationEntry>(await queries.EscalationsAsync(query)));
    }

    public static async Task<Results<Ok<ItemList<Notification>>, Refusal>> Notifications(
        [AsParameters] NotificationFilter filter, HttpContext http, IDossierQueries queries)
    {
        if (filter.Check() is { IsValid: false } errors)
        {
            return errors.Refusal();
        }

        var actor = http.User.ToActor();
        return TypedResults.Ok(new ItemList<Notification>(await queries.NotificationsAsync(filter.Dossier?.Value, actor.SeesAll() ? null : actor.Agency)));
    }

    public static Refusal Forbidden(Actor actor) =>
        new Rejection(RejectionKind.Forbidden, RuleCodes.NotPermitted, $"Agency '{actor.Agency}' may only see its own figures.").ToRefusal();
}

/// <summary>A list answered as <c>{ "items": [...] }</c>.</summary>
public sealed record ItemList<T>(IReadOnlyList<T> Items);
