using HccOrleans.Api.Auth;
using HccOrleans.Api.Hosting;
using HccOrleans.Api.Queries;
using HccOrleans.Reports;

namespace HccOrleans.Api.Endpoints;

/// <summary>Report II.06a and the center's KPIs, computed from the index with the counting rules of domain.md.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").RequireAuthorization().WithTags("Reports");
        reports.MapGet("/06a", Report06a).WithName("Report06a")
            .WithSummary("Report II.06a for [from, to): received, resolved, in progress, per handling agency (and field with byField=true).")
            .Produces<Report06a>().ProducesValidationProblem();
        reports.MapGet("/kpi", Kpi).WithName("Kpi")
            .WithSummary("On-time, online and postal rates, average resolution time and overdue-now for [from, to).")
            .Produces<KpiReport>().ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> Report06a(HttpContext http, IDossierQueries queries, ApiZone zone)
    {
        if (Period(http, zone, out var from, out var to, out var agency, out var parameters) is { } refusal)
        {
            return refusal;
        }

        var byField = parameters.Boolean("byField") ?? false;
        return parameters.IsValid
            ? TypedResults.Ok(ReportRules.Build(await queries.ReceivedBeforeAsync(to, agency), from, to, byField))
            : parameters.Problem();
    }

    private static async Task<IResult> Kpi(HttpContext http, IDossierQueries queries, ApiZone zone, EngineNow now)
    {
        if (Period(http, zone, out var from, out var to, out var agency, out _) is { } refusal)
        {
            return refusal;
        }

        var instant = now.Now;
        var dossiers = (await queries.ReceivedBeforeAsync(to > instant ? to : instant, agency)).ToList();
        return TypedResults.Ok(KpiRules.Build(dossiers, from, to, instant));
    }

    private static IResult? Period(HttpContext http, ApiZone zone, out DateTimeOffset from, out DateTimeOffset to, out string? agency, out QueryParameters parameters)
    {
        parameters = new QueryParameters(http.Request.Query, zone.Zone);
        var actor = http.User.ToActor();
        var start = parameters.Instant("from");
        var end = parameters.Instant("to");
        agency = parameters.Text("agency");
        parameters.Require("from", start);
        parameters.Require("to", end);
        if (start is { } s && end is { } e)
        {
            parameters.Check(s < e, "to", "must be after from.");
        }

        from = start ?? default;
        to = end ?? default;
        if (!parameters.IsValid)
        {
            return parameters.Problem();
        }

        if (!actor.SeesAll())
        {
            if (agency is not null && agency != actor.Agency)
            {
                return ReadEndpoints.Forbidden(actor);
            }

            agency = actor.Agency;
        }

        return null;
    }
}
