using System.Globalization;
using System.Text;
using HccOrleans.Api.Endpoints.Filters;
using HccOrleans.Api.Queries;
using HccOrleans.Grains.Interfaces.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HccOrleans.Api.Endpoints;

/// <summary>Report II.06a and the center's KPIs, computed from the index with the counting rules of docs/rules/reports-and-kpis.md.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").RequireAuthorization().WithTags("Reports");
        reports.MapGet("/06a", Report06a).WithName("Report06a")
            .WithSummary("Report II.06a for [from, to), judged at min(to, now): to handle, carried over, received, resolved, withdrawn or stopped, in progress, per handling agency (and field with byField=true); format=csv for CSV.")
            .Produces<string>(StatusCodes.Status200OK, Report06aCsv.ContentType);
        reports.MapGet("/kpi", Kpi).WithName("Kpi")
            .WithSummary("On-time, online (full, partial), postal and satisfaction rates, average resolution time and overdue-now for [from, to), judged at min(to, now).");
        return app;
    }

    public static async Task<Results<Ok<Report06a>, ContentHttpResult, Refusal>> Report06a(
        [AsParameters] ReportFilter filter, HttpContext http, IDossierQueries queries, ApiZone zone, EngineNow now)
    {
        if (Scope(filter, http, zone, now, out var refusal) is not (var from, var to, var agency, var instant))
        {
            return refusal!;
        }

        var report = ReportRules.Build(await queries.ReceivedBeforeAsync(new Judging(to, instant).Until, agency), from, to, instant, filter.ByField?.Value ?? false);
        if (!filter.Csv)
        {
            return TypedResults.Ok(report);
        }

        var day = (DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"II.06a_{agency ?? "all"}_{day(from)}_{day(to)}.csv\"";
        // A byte-order mark, so that a spreadsheet opens the Vietnamese field names as UTF-8.
        return TypedResults.Text("\uFEFF" + Report06aCsv.Write(report, zone.Zone), Report06aCsv.ContentType, Encoding.UTF8);
    }

    public static async Task<Results<Ok<KpiReport>, Refusal>> Kpi(
        [AsParameters] ReportFilter filter, HttpContext http, IDossierQueries queries, ApiZone zone, EngineNow now)
    {
        if (Scope(filter, http, zone, now, out var refusal) is not (var from, var to, var agency, var instant))
        {
            return refusal!;
        }

        // Everything received until now: "overdue now" looks past the period's end.
        var dossiers = await queries.ReceivedBeforeAsync(to > instant ? to : instant.AddTicks(1), agency);
        return TypedResults.Ok(KpiRules.Build(dossiers, from, to, instant));
    }

    /// <summary>
    /// The period and whose figures: directors and administrators choose any agency or all; everyone else sees
    /// their own unit's, which for a one-stop unit are the dossiers it received and for an agency those it handles.
    /// </summary>
    private static ReportScope? Scope(ReportFilter filter, HttpContext http, ApiZone zone, EngineNow now, out Refusal? refusal)
    {
        refusal = null;
        if (filter.Check(zone.Zone) is { IsValid: false } errors)
        {
            refusal = errors.Refusal();
            return null;
        }

        var actor = http.User.ToActor();
        var agency = filter.Agency?.Value;
        if (!actor.SeesAll())
        {
            if (agency is not null && agency != actor.Agency)
            {
                refusal = ReadEndpoints.Forbidden(actor);
                return null;
            }

            agency = actor.Agency;
        }

        return new(filter.From!.Value.In(zone.Zone)!.Value, filter.To!.Value.In(zone.Zone)!.Value, agency, now.Now);
    }

    /// <summary>A report's period [From, To), whose figures (an agency, or all), and the instant it is judged at.</summary>
    private sealed record ReportScope(DateTimeOffset From, DateTimeOffset To, string? Agency, DateTimeOffset Instant);
}
