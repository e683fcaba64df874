using HccOrleans.Grains.Interfaces.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HccOrleans.Api.Endpoints;

/// <summary>
/// A year's calendar entered or changed, and what the center chose for the due dates already issued across it:
/// keep them (the default), or recompute them. A recompute is handed to the year's <see cref="IDueRecomputeGrain"/>,
/// which moves the dossiers in the background; this request only lists them.
/// </summary>
public static class CalendarChanges
{
    public static async Task<Results<Ok<YearCalendar>, Accepted<DueRecomputeProgress>, Refusal>> PutAsync(
        int year, string? dueDates, CalendarBody? body, Actor actor, IGrainFactory grains, IDossierQueries queries, DateTimeOffset now, ApiZone zone)
    {
        if (dueDates is not (null or "keep" or "recompute"))
        {
            return ProblemResults.Invalid("dueDates", "must be keep (issued due dates stay) or recompute (open dossiers' due dates follow the new calendar).");
        }

        if (body is null)
        {
            return ProblemResults.Invalid("body", "is required.");
        }

        if (year is < 2000 or > 2100)
        {
            return ProblemResults.Invalid("year", "must be between 2000 and 2100.");
        }

        var calendar = grains.Reference<IHolidayCalendarGrain>(GrainKeys.Calendar(year));
        var recompute = grains.Reference<IDueRecomputeGrain>(GrainKeys.DueRecompute(year));
        if (dueDates == "recompute" && await recompute.ProgressAsync() is { Running: true } running)
        {
            return Running(running);
        }

        var before = await calendar.GetAsync();
        var result = await calendar.PutAsync(body.Holidays ?? [], body.WorkingDays ?? []);
        if (result.Rejection is { } rejection)
        {
            return rejection.ToRefusal();
        }

        if (dueDates != "recompute")
        {
            return TypedResults.Ok(result.Value!);
        }

        var (yearStart, yearEnd) = (zone.Midnight(new DateOnly(year, 1, 1)), zone.Midnight(new DateOnly(year + 1, 1, 1)));
        var open = (await queries.ReceivedBeforeAsync(yearEnd, null))
            .Where(d => d.Ended() is null && d.DueAt >= yearStart)
            .Select(d => d.Code)
            .ToArray();
        var change = new CalendarChange(Guid.NewGuid().ToString("N")[..12], year, before, actor.Subject, now);
        var progress = await recompute.StartAsync(change, open);
        return progress.ChangeId == change.Id ? TypedResults.Accepted($"/api/calendar/{year}/recompute", progress) : Running(progress);
    }

    public static async Task<Results<Ok<DueRecomputeProgress>, Refusal>> ProgressAsync(int year, IGrainFactory grains) =>
        await grains.Reference<IDueRecomputeGrain>(GrainKeys.DueRecompute(year)).ProgressAsync() is { } progress
            ? TypedResults.Ok(progress)
            : new Rejection(RejectionKind.NotFound, RuleCodes.Validation, $"The due dates of {year} were never recomputed.").ToRefusal();

    private static Refusal Running(DueRecomputeProgress running) => new Rejection(RejectionKind.Conflict, RuleCodes.RecomputeRunning,
        $"The due dates of {running.Year} are still being moved for an earlier change ({running.Done} of {running.Total}); enter the year again when it has finished.").ToRefusal();
}
