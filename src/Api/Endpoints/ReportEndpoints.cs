using System.Globalization;
using System.Text;
using HccOrleans.Api.Endpoints.Filters;
using HccOrleans.Api.Exports;
using HccOrleans.Api.Queries;
using HccOrleans.Grains.Interfaces.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HccOrleans.Api.Endpoints;

/// <summary>Reports II.06a and Biểu 07a, their official periods, and the center's KPIs, computed from the index with the counting rules of docs/rules/reports-and-kpis.md.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").RequireAuthorization().WithTags("Reports");
        reports.MapGet("/06a", Report06a).WithName("Report06a")
            .WithSummary("Report II.06a for [from, to), judged at min(to, now): to handle, carried over, received, resolved, withdrawn or stopped, in progress, per handling agency (and field with byField=true); format=csv for CSV.")
            .Produces<string>(StatusCodes.Status200OK, Report06aCsv.ContentType);
        reports.MapGet("/07a", Report07a).WithName("Report07a")
            .WithSummary("Biểu 07a/BTP/KSTT (Circular 09/2026/TT-BTP) for [from, to), judged at min(to, now): rows by field with the form's columns (3)–(15) by number and name, plus withdrawn or stopped; format=csv or xlsx for the files, headed as the form.")
            .Produces<string>(StatusCodes.Status200OK, FormTable.CsvContentType)
            .Produces<byte[]>(StatusCodes.Status200OK, FormSpreadsheet.ContentType);
        reports.MapGet("/07b", Report07b).WithName("Report07b")
            .WithSummary("Biểu 07b/BTP/KSTT (Circular 09/2026/TT-BTP), the provincial People's Committee's, for [from, to): section I provincial competence, section II commune competence, each by field with 07a's columns; directors and administrators; format=csv or xlsx.")
            .Produces<string>(StatusCodes.Status200OK, FormTable.CsvContentType)
            .Produces<byte[]>(StatusCodes.Status200OK, FormSpreadsheet.ContentType);
        reports.MapGet("/lateness", Lateness).WithName("ReportLateness")
            .WithSummary("Who made the dossiers resolved late in [from, min(to, now)) late: each dossier's lateness shares (working minutes, citizen-held time excluded) summed by agency.");
        reports.MapGet("/people", People).WithName("ReportPeople")
            .WithSummary("Per-person figures for [from, min(to, now)) (Decree 118/2025 Art. 34): dossiers resolved whose steps the person ended, on time, late, given to the person and still open, and the working minutes of lateness shared to the person's steps. Leaders see their unit, directors and administrators any unit (unit=) or all, others themselves.");
        reports.MapGet("/periods", Periods).WithName("ReportPeriods")
            .WithSummary("The official report periods of a year (Decree 09/2019 Art. 12, 15th to 14th) that Circular 09/2026 asks for: ?kind=month|quarter|half|year, each with the form in force at its end.");
        reports.MapGet("/feedback", Feedback).WithName("ReportFeedback")
            .WithSummary("Biểu 06a (a row per unit) and 06b (the total) of feedback for [from, to), judged at min(to, now); a unit sees its own row.");
        reports.MapGet("/kpi", Kpi).WithName("Kpi")
            .WithSummary("On-time, online (full, partial), postal and satisfaction rates, average resolution time and overdue-now for [from, to), judged at min(to, now).");
        return app;
    }

    public static async Task<Results<Ok<Report06a>, ContentHttpResult, Refusal>> Report06a(
        [AsParameters] ReportFilter filter, HttpContext http, IDossierQueries queries, ApiZone zone, EngineNow now, UnitNames units)
    {
        if (Scope(filter, http, zone, now, out var refusal) is not (var from, var to, var agency, var instant))
        {
            return refusal!;
        }

        var report = ReportRules.Build(await queries.PeriodFactsAsync(from, to, instant, agency), filter.ByField?.Value ?? false);
        if (!filter.Csv)
        {
            return TypedResults.Ok(report);
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"II.06a_{agency ?? "all"}_{Day(from, zone)}_{Day(to, zone)}.csv\"";
        // A byte-order mark, so that a spreadsheet opens the Vietnamese field names as UTF-8.
        var directory = await units.AllAsync();
        return TypedResults.Text("\uFEFF" + Report06aCsv.Write(report, zone.Zone, code => UnitNames.NameOf(directory, code)), Report06aCsv.ContentType, Encoding.UTF8);
    }

    public static async Task<Results<Ok<Report07a>, ContentHttpResult, FileContentHttpResult, Refusal>> Report07a(
        [AsParameters] ReportFilter filter, HttpContext http, IDossierQueries queries, ApiZone zone, EngineNow now, UnitNames units)
    {
        if (Scope(filter, http, zone, now, out var refusal, spreadsheet: true) is not (var from, var to, var agency, var instant))
        {
            return refusal!;
        }

        var report = Report07aRules.Build(await queries.PeriodFactsAsync(from, to, instant, agency), agency);
        if (!filter.Csv && !filter.Xlsx)
        {
            return TypedResults.Ok(report);
        }

        var scope = agency is null ? "Toàn bộ các cơ quan" : $"Đơn vị: {UnitNames.NameOf(await units.AllAsync(), agency)} ({agency})";
        var table = FormTable.Of(report, scope, zone.Zone);
        var name = $"Bieu07a_{agency ?? "all"}_{Day(from, zone)}_{Day(to.AddTicks(-1), zone)}";
        if (filter.Xlsx)
        {
            return TypedResults.File(FormSpreadsheet.Write(table, "07a"), FormSpreadsheet.ContentType, name + ".xlsx");
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
        return TypedResults.Text("\uFEFF" + table.ToCsv(), FormTable.CsvContentType, Encoding.UTF8);
    }

    /// <summary>Biểu 07b, the provincial People's Committee's: every dossier of the province, so directors and administrators only.</summary>
    public static async Task<Results<Ok<Report07b>, ContentHttpResult, FileContentHttpResult, Refusal>> Report07b(
        [AsParameters] ReportFilter filter, HttpContext http, IDossierQueries queries, ApiZone zone, EngineNow now, UnitNames units)
    {
        var actor = http.User.ToActor();
        if (!actor.SeesAll())
        {
            return ReadEndpoints.Forbidden(actor);
        }

        if (Scope(filter, http, zone, now, out var refusal, spreadsheet: true) is not (var from, var to, _, var instant))
        {
            return refusal!;
        }

        var directory = await units.AllAsync();
        var report = Report07bRules.Build(await queries.PeriodFactsAsync(from, to, instant, null), UnitNames.LevelOf(directory));
        if (!filter.Csv && !filter.Xlsx)
        {
            return TypedResults.Ok(report);
        }

        var table = FormTable.Of(report, "Ủy ban nhân dân cấp tỉnh — toàn tỉnh", zone.Zone);
        var name = $"Bieu07b_{Day(from, zone)}_{Day(to.AddTicks(-1), zone)}";
        if (filter.Xlsx)
        {
            return TypedResults.File(FormSpreadsheet.Write(table, "07b"), FormSpreadsheet.ContentType, name + ".xlsx");
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
        return TypedResults.Text("\uFEFF" + table.ToCsv(), FormTable.CsvContentType, Encoding.UTF8);
    }

    /// <summary>
    /// Who made the period's dossiers late: the shares of every dossier resolved late in [from, min(to, now)), summed
    /// by agency. Read from each late dossier's own record (late dossiers are few); an agency sees its own row.
    /// </summary>
    public static async Task<Results<Ok<LatenessReport>, Refusal>> Lateness(
        [AsParameters] ReportFilter filter, HttpContext http, IDossierQueries queries, IGrainFactory grains, ApiZone zone, EngineNow now)
    {
        if (Scope(filter, http, zone, now, out var refusal) is not (var from, var to, var agency, var instant))
        {
            return refusal!;
        }

        var judging = new Judging(to, instant);
        // An agency's share may come from a dossier another agency handles (its part of inter-agency work): all are read.
        var late = (await queries.ReceivedBeforeAsync(judging.Until, null))
            .Where(d => d.Completion == CompletionClass.Late && d.CompletedAt is { } completed && completed >= from && judging.Covers(completed))
            .ToArray();
        var shares = new List<LatenessShare[]>(late.Length);
        foreach (var dossier in late)
        {
            if ((await grains.Reference<IDossierGrain>(dossier.Code).GetAsync(Actor.System)).Dossier?.Lateness is { } lateness)
            {
                LatenessShare[] own = agency is null ? lateness : [.. lateness.Where(s => s.Agency == agency)];
                if (own.Length > 0)
                {
                    shares.Add(own);
                }
            }
        }

        return TypedResults.Ok(LatenessReport.Build(from, to, judging.AsOf, shares));
    }

    public static async Task<Results<Ok<PeopleReport>, Refusal>> People(
        [AsParameters] PeopleReportFilter filter, HttpContext http, PeopleFigures figures, ApiZone zone, EngineNow now)
    {
        if (Scope(filter.AsReportFilter(), http, zone, now, out var refusal) is not (var from, var to, _, var instant))
        {
            return refusal!;
        }

        var actor = http.User.ToActor();
        return await figures.ForAsync(actor, filter.Unit?.Value, from, to, instant) is { } report
            ? TypedResults.Ok(report)
            : ReadEndpoints.Forbidden(actor);
    }

    public static Results<Ok<ReportPeriod[]>, Refusal> Periods([AsParameters] PeriodFilter filter, ApiZone zone, EngineNow now)
    {
        if (filter.Check() is { IsValid: false } errors)
        {
            return errors.Refusal();
        }

        var year = filter.Year?.Value ?? TimeZoneInfo.ConvertTime(now.Now, zone.Zone).Year;
        return TypedResults.Ok(ReportPeriods.Of(filter.Kind?.Value, year).ToArray());
    }

    private static string Day(DateTimeOffset at, ApiZone zone) => TimeZoneInfo.ConvertTime(at, zone.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<Results<Ok<KpiReport>, Refusal>> Kpi(
        [AsParameters] ReportFilter filter, HttpContext http, IDossierQueries queries, IGrainFactory grains, ApiZone zone, EngineNow now)
    {
        if (Scope(filter, http, zone, now, out var refusal) is not (var from, var to, var agency, var instant))
        {
            return refusal!;
        }

        var facts = await queries.PeriodFactsAsync(from, to, instant, agency);
        var feedback = await FeedbackBooks.ForAsync(grains, from, to, zone.Zone, agency);
        return TypedResults.Ok(Decision766Rules.With(KpiRules.Build(facts), facts.Tally766, feedback));
    }

    public static async Task<Results<Ok<Report06>, Refusal>> Feedback(
        [AsParameters] ReportFilter filter, HttpContext http, IGrainFactory grains, ApiZone zone, EngineNow now)
    {
        if (Scope(filter, http, zone, now, out var refusal) is not (var from, var to, var agency, var instant))
        {
            return refusal!;
        }

        return TypedResults.Ok(Report06Rules.Build(await FeedbackBooks.ForAsync(grains, from, to, zone.Zone, agency), from, to, instant));
    }

    /// <summary>
    /// The period and whose figures: directors and administrators choose any agency or all; everyone else sees
    /// their own unit's, which for a one-stop unit are the dossiers it received and for an agency those it handles.
    /// </summary>
    private static ReportScope? Scope(ReportFilter filter, HttpContext http, ApiZone zone, EngineNow now, out Refusal? refusal, bool spreadsheet = false)
    {
        refusal = null;
        if (filter.Check(zone.Zone, spreadsheet) is { IsValid: false } errors)
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
