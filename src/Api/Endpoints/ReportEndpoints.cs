using System.Text;
using HccOrleans.Api.Queries;
using HccOrleans.Grains.Interfaces.Reports;

namespace HccOrleans.Api.Endpoints;

/// <summary>Report II.06a and the center's KPIs, computed from the index with the counting rules of domain.md.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").RequireAuthorization().WithTags("Reports");
        reports.MapGet("/06a", Report06a).WithName("Report06a")
            .WithSummary("Report II.06a for [from, to), judged at min(to, now): to handle, carried over, received, resolved, withdrawn or stopped, in progress, per handling agency (and field with byField=true); format=csv for CSV.")
            .Produces<Report06a>().Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesValidationProblem();
        reports.MapGet("/kpi", Kpi).WithName("Kpi")
            .WithSummary("On-time, online (full, partial), postal and satisfaction rates, average resolution time and overdue-now for [from, to), judged at min(to, now).")
            .Produces<KpiReport>().ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> Report06a(HttpContext http, IDossierQueries queries, ApiZone zone, EngineNow now)
    {
        if (Period(http, zone, out var from, out var to, out var agency, out var parameters) is { } refusal)
        {
            return refusal;
        }

        var byField = parameters.Boolean("byField") ?? false;
        var format = parameters.Text("format") ?? "json";
        parameters.Check(format is "json" or "csv", "format", "must be json or csv.");
        if (!parameters.IsValid)
        {
            return parameters.Problem();
        }

        var instant = now.Now;
        var report = ReportRules.Build(await queries.ReceivedBeforeAsync(new Judging(to, instant).Until, agency), from, to, instant, byField);
        if (format == "json")
        {
            return TypedResults.Ok(report);
        }

        var day = (DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone.Zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"II.06a_{agency ?? "all"}_{day(from)}_{day(to)}.csv\"";
        // A byte-order mark, so that a spreadsheet opens the Vietnamese field names as UTF-8.
        return TypedResults.Text("\uFEFF" + Report06aCsv.Write(report, zone.Zone), Report06aCsv.ContentType, Encoding.UTF8);
    }

    private static async Task<IResult> Kpi(HttpContext http, IDossierQueries queries, ApiZone zone, EngineNow now)
    {
        if (Period(http, zone, out var from, out var to, out var agency, out var parameters) is { } refusal)
        {
            return refusal;
        }

        if (!parameters.IsValid)
        {
            return parameters.Problem();
        }

        // Everything received until now: "overdue now" looks past the period's end.
        var instant = now.Now;
        var dossiers = await queries.ReceivedBeforeAsync(to > instant ? to : instant.AddTicks(1), agency);
        return TypedResults.Ok(KpiRules.Build(dossiers, from, to, instant));
    }

    /// <summary>
    /// The period and whose figures: directors and administrators choose any agency or all; everyone else sees
    /// their own unit's, which for a one-stop unit are the dossiers it received and for an agency those it handles.
    /// </summary>
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
