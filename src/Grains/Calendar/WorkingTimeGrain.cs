using HccOrleans.Grains.Escalations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace HccOrleans.Grains.Calendar;

[StatelessWorker, GrainType("working-time")]
public sealed class WorkingTimeGrain(
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock,
    CalendarLoader calendars,
    IOptions<EscalationOptions> escalations) : Grain, IWorkingTimeGrain
{
    public async Task<QueueClock> ClockAsync(DateTimeOffset[] since)
    {
        var now = clock.GetUtcNow();
        var calendar = await calendars.LoadAsync(now);
        return new QueueClock(
            now,
            EscalationSchedule.DueSoonUntil(calendar, escalations.Value.ToPolicy(), now),
            [.. since.Select(start => decimal.Round((decimal)calendar.WorkingTimeBetween(start, now).TotalHours, 1))]);
    }

    public async Task<DateTimeOffset> WorkingDaysAfterAsync(DateTimeOffset instant, int days) =>
        (await calendars.LoadAsync(instant)).EndOfWorkingDaysAfter(instant, days);

    public async Task<bool> TimelyNowAsync(DossierAction notice, DateTimeOffset due)
    {
        var now = clock.GetUtcNow();
        var calendar = await calendars.LoadAsync(now);
        return notice == DossierAction.Apologize
            ? Workflow.Commands.Apologize.IsTimely(calendar, escalations.Value.ToPolicy(), now, due)
            : Workflow.Commands.ProposeExtension.IsTimely(calendar, now, due);
    }
}
