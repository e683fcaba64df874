using System.Text.RegularExpressions;
using HccOrleans.Api.Endpoints.Filters;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HccOrleans.Api.Endpoints;

/// <summary>Procedures, holiday calendars and units: the administrator writes, any authenticated role reads.</summary>
public static partial class CatalogueEndpoints
{
    public const string AdminPolicy = "admin";

    public static IEndpointRouteBuilder MapCatalogueEndpoints(this IEndpointRouteBuilder app)
    {
        var procedures = app.MapGroup("/api/procedures").RequireAuthorization().WithTags("Catalogue");
        procedures.MapPut("/{code}", PutProcedure).RequireAuthorization(AdminPolicy)
            .WithName("PutProcedure").WithSummary("Creates or changes a procedure; a change creates a new version.");
        procedures.MapGet("/", ListProcedures).WithName("ListProcedures").WithSummary("The current version of every procedure.");
        procedures.MapGet("/{code}", GetProcedure).WithName("GetProcedure").WithSummary("A procedure's current version, or ?version=n.");

        var calendar = app.MapGroup("/api/calendar").RequireAuthorization().WithTags("Calendar");
        calendar.MapPut("/{year:int}", PutCalendar).RequireAuthorization(AdminPolicy)
            .WithName("PutCalendar").WithSummary("Enters a year's complete announced lists: every day off, and the weekend days worked in exchange. Nothing is derived for an entered year. ?dueDates=keep (default) leaves issued due dates; ?dueDates=recompute moves open dossiers' due dates in the background (202, progress at the Location).");
        calendar.MapGet("/due", PreviewDue).WithName("PreviewDue")
            .WithSummary("The appointment: the clock start and due dates a dossier of ?procedure= would get if received at ?from= (default now) via ?channel= (default direct).");
        calendar.MapGet("/{year:int}/recompute", CalendarChanges.ProgressAsync).WithName("GetCalendarRecompute")
            .WithSummary("How far the due-date recompute of the year's latest change has gone.");
        calendar.MapGet("/{year:int}", GetCalendar).WithName("GetCalendar")
            .WithSummary("A year's calendar; years never entered are derived from the Labour Code and marked provisional.");

        var units = app.MapGroup("/api/units").RequireAuthorization().WithTags("Units");
        units.MapPut("/{agencyCode}", PutUnit).RequireAuthorization(AdminPolicy).WithName("PutUnit").WithSummary("Creates or changes a unit.");
        var people = app.MapGroup("/api/people").RequireAuthorization().WithTags("People");
        people.MapPut("/{userName}", PutPerson).RequireAuthorization(AdminPolicy).WithName("PutPerson")
            .WithSummary("Creates or changes a member of staff: full name, title, unit, roles, active. Never deleted: a leaver is made inactive.");
        people.MapGet("/", ListPeople).WithName("ListPeople").WithSummary("The staff directory.");
        units.MapGet("/", ListUnits).WithName("ListUnits").WithSummary("Service centers, reception points and handling agencies: every one ever entered, or ?at= those that existed then (a date or an instant).");
        return app;
    }

    public static async Task<Results<Ok<ProcedureView>, Refusal>> PutProcedure(string code, ProcedureDefinition? body, IGrainFactory grains)
    {
        if (!CodePattern().IsMatch(code))
        {
            return ProblemResults.Invalid("code", "must be 1 to 64 letters, digits, dots, dashes or underscores.");
        }

        if (body is null)
        {
            return ProblemResults.Invalid("body", "is required.");
        }

        var result = await grains.Reference<IProcedureGrain>(GrainKeys.Procedure(code)).PutAsync(body);
        return result.Rejection is { } rejection ? rejection.ToRefusal() : TypedResults.Ok(ProcedureView.From(result.Value!));
    }

    public static async Task<Ok<ProcedureView[]>> ListProcedures(IGrainFactory grains) =>
        TypedResults.Ok((await grains.Reference<IProcedureDirectoryGrain>(GrainKeys.ProcedureDirectory).ListAsync()).Select(ProcedureView.From).ToArray());

    public static async Task<Results<Ok<ProcedureView>, Refusal>> GetProcedure(string code, int? version, IGrainFactory grains)
    {
        if (!CodePattern().IsMatch(code))
        {
            return NotFound(code);
        }

        var grain = grains.Reference<IProcedureGrain>(GrainKeys.Procedure(code));
        var found = version is { } v ? await grain.GetVersionAsync(v) : await grain.GetCurrentAsync();
        return found is null ? NotFound(code) : TypedResults.Ok(ProcedureView.From(found));
    }

    public static Task<Results<Ok<YearCalendar>, Accepted<DueRecomputeProgress>, Refusal>> PutCalendar(
        int year, [FromQuery] string? dueDates, CalendarBody? body, HttpContext http, IGrainFactory grains, IDossierQueries queries, EngineNow now, ApiZone zone) =>
        CalendarChanges.PutAsync(year, dueDates, body, http.User.ToActor(), grains, queries, now.Now, zone);

    public static async Task<Results<Ok<DuePreview>, Refusal>> PreviewDue([AsParameters] DuePreviewFilter filter, IGrainFactory grains, ApiZone zone, EngineNow now)
    {
        if (filter.Check() is { IsValid: false } errors)
        {
            return errors.Refusal();
        }

        var code = filter.Procedure!.Value.Value!;
        if (!CodePattern().IsMatch(code))
        {
            return NotFound(code);
        }

        var from = filter.From?.In(zone.Zone) ?? now.Now;
        var result = await grains.Reference<IProcedureGrain>(GrainKeys.Procedure(code)).PreviewDueAsync(from, filter.Channel?.Value ?? FilingChannel.Direct);
        return result.Rejection is { } rejection ? rejection.ToRefusal() : TypedResults.Ok(result.Value!);
    }

    public static async Task<Results<Ok<YearCalendar>, Refusal>> GetCalendar(int year, IGrainFactory grains) => year is < 2000 or > 2100
        ? ProblemResults.Invalid("year", "must be between 2000 and 2100.")
        : TypedResults.Ok(await grains.Reference<IHolidayCalendarGrain>(GrainKeys.Calendar(year)).GetAsync());

    public static async Task<Results<Ok<UnitInfo>, Refusal>> PutUnit(string agencyCode, UnitBody? body, IGrainFactory grains)
    {
        if (!CodePattern().IsMatch(agencyCode))
        {
            return ProblemResults.Invalid("agencyCode", "must be 1 to 64 letters, digits, dots, dashes or underscores.");
        }

        if (body is null || !UnitKindWords.TryParse(body.Kind, out var kind))
        {
            var sent = body?.Kind is { } word ? $"'{word}' is not a kind" : "is required";
            return ProblemResults.Invalid("kind", $"{sent}: one of {EnumWords.All<UnitKind>()} (v1.1: one-stop, agency).");
        }

        var level = UnitLevel.Province;
        if (body.Level is not null && !EnumWords.TryParse(body.Level, out level))
        {
            return ProblemResults.Invalid("level", $"'{body.Level}' is not one of: {EnumWords.All<UnitLevel>()}.");
        }

        var result = await grains.Reference<IUnitDirectoryGrain>(GrainKeys.Units).PutAsync(
            new UnitInfo(agencyCode, body.Name ?? "", body.ElectronicId ?? "", kind)
            {
                Level = level,
                Parent = body.Parent,
                ValidFrom = body.ValidFrom,
                ValidTo = body.ValidTo,
                Successor = body.Successor,
                ElectronicIdToConfigure = body.ElectronicIdToConfigure ?? false,
            });
        return result.Rejection is { } rejection ? rejection.ToRefusal() : TypedResults.Ok(result.Value!);
    }

    public static async Task<Results<Ok<Person>, Refusal>> PutPerson(string userName, PersonBody? body, IGrainFactory grains)
    {
        var roles = new List<Role>();
        foreach (var word in body?.Roles ?? [])
        {
            if (!EnumWords.TryParse<Role>(word, out var role) || role == Role.System)
            {
                return ProblemResults.Invalid("roles", $"'{word}' is not a role: officer, specialist, leader, director, admin or portal.");
            }

            roles.Add(role);
        }

        var result = await grains.Reference<IPeopleDirectoryGrain>(GrainKeys.People)
            .PutAsync(new Person(userName, body?.FullName ?? "", body?.Title, body?.Unit ?? "", [.. roles], body?.Active ?? true));
        return result.Rejection is { } rejection ? rejection.ToRefusal() : TypedResults.Ok(result.Value!);
    }

    public static async Task<Ok<Person[]>> ListPeople(IGrainFactory grains) =>
        TypedResults.Ok(await grains.Reference<IPeopleDirectoryGrain>(GrainKeys.People).ListAsync());

    /// <summary>Every unit ever entered, or with <c>at</c> those that existed on that day (an instant's day at the center).</summary>
    public static async Task<Results<Ok<UnitInfo[]>, Refusal>> ListUnits(QueryInstant? at, IGrainFactory grains, ApiZone zone)
    {
        if (at?.Problem is { } problem)
        {
            return ProblemResults.Invalid("at", problem);
        }

        var units = await grains.Reference<IUnitDirectoryGrain>(GrainKeys.Units).ListAsync();
        if (at?.In(zone.Zone) is not { } instant)
        {
            return TypedResults.Ok(units);
        }

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone.Zone).DateTime);
        return TypedResults.Ok(units.Where(u => u.ExistsOn(day)).ToArray());
    }

    private static Refusal NotFound(string code) =>
        new Rejection(RejectionKind.NotFound, RuleCodes.ProcedureNotFound, $"No procedure has code '{code}'.").ToRefusal();

    [GeneratedRegex("^[0-9A-Za-z._-]{1,64}$")]
    private static partial Regex CodePattern();
}
