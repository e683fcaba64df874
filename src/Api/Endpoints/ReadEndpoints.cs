using HccOrleans.Api.Queries;

namespace HccOrleans.Api.Endpoints;

/// <summary>The dossier list, escalations and the notification outbox, scoped to the caller's agency.</summary>
public static class ReadEndpoints
{
    public static IEndpointRouteBuilder MapReadEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dossiers", List).RequireAuthorization().WithTags("Dossiers").WithName("ListDossiers")
            .WithSummary("Dossiers from the index, filtered and paged; agencies see their own, directors all.")
            .Produces<DossierPage>().ProducesValidationProblem();
        app.MapGet("/api/escalations", Escalations).RequireAuthorization().WithTags("Escalations").WithName("ListEscalations")
            .WithSummary("Recorded escalations (due-soon, step-overdue, overdue), by agency, kind and firing time.");
        app.MapGet("/api/notifications", Notifications).RequireAuthorization().WithTags("Escalations").WithName("ListNotifications")
            .WithSummary("The notification outbox, optionally for one dossier.");
        return app;
    }

    /// <summary>Directors and administrators see every agency; everyone else is held to their own.</summary>
    public static bool SeesAll(this Actor actor) => actor.Has(Role.Director) || actor.Has(Role.Admin);

    private static async Task<IResult> List(HttpContext http, IDossierQueries queries, EngineNow now, ApiZone zone)
    {
        var parameters = new QueryParameters(http.Request.Query, zone.Zone);
        var actor = http.User.ToActor();
        var query = new DossierQuery
        {
            Status = parameters.Enum<DossierStatus>("status"),
            Agency = parameters.Text("agency"),
            Procedure = parameters.Text("procedure"),
            Channel = parameters.Enum<Channel>("channel"),
            Overdue = parameters.Boolean("overdue"),
            DueBefore = parameters.Instant("dueBefore"),
            ReceivedFrom = parameters.Instant("receivedFrom"),
            ReceivedTo = parameters.Instant("receivedTo"),
            Page = parameters.Integer("page", 1, 1, 1_000_000),
            PageSize = parameters.Integer("pageSize", 20, 1, DossierQuery.MaxPageSize),
            ScopeAgency = actor.SeesAll() ? null : actor.Agency,
            Now = now.Now,
        };
        return parameters.IsValid ? TypedResults.Ok(await queries.ListAsync(query)) : parameters.Problem();
    }

    private static async Task<IResult> Escalations(HttpContext http, IDossierQueries queries, ApiZone zone)
    {
        var parameters = new QueryParameters(http.Request.Query, zone.Zone);
        var actor = http.User.ToActor();
        var agency = parameters.Text("agency");
        if (!actor.SeesAll() && agency is not null && agency != actor.Agency)
        {
            return Forbidden(actor);
        }

        var query = new EscalationQuery(actor.SeesAll() ? agency : actor.Agency, parameters.Enum<EscalationKind>("kind"),
            parameters.Instant("from"), parameters.Instant("to"));
        return parameters.IsValid ? TypedResults.Ok(new { items = await queries.EscalationsAsync(query) }) : parameters.Problem();
    }

    private static async Task<IResult> Notifications(HttpContext http, IDossierQueries queries, ApiZone zone)
    {
        var parameters = new QueryParameters(http.Request.Query, zone.Zone);
        var actor = http.User.ToActor();
        var dossier = parameters.DossierCode("dossier");
        return parameters.IsValid
            ? TypedResults.Ok(new { items = await queries.NotificationsAsync(dossier, actor.SeesAll() ? null : actor.Agency) })
            : parameters.Problem();
    }

    public static IResult Forbidden(Actor actor) =>
        new Rejection(RejectionKind.Forbidden, RuleCodes.NotPermitted, $"Agency '{actor.Agency}' may only see its own figures.").ToProblem();
}
