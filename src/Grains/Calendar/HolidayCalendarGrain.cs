using HccOrleans.Grains.Catalogue;
using HccOrleans.Grains.Hosting;

namespace HccOrleans.Grains.Calendar;

[GenerateSerializer, Alias("hcc.HolidayCalendarState")]
public sealed record HolidayCalendarState
{
    [Id(0)] public YearCalendar? Entered { get; init; }
}

[GrainType("holiday-calendar")]
public sealed class HolidayCalendarGrain(
    [PersistentState("calendar-year", "hcc")] IPersistentState<HolidayCalendarState> state,
    ICalendarCacheServiceClient caches) : Grain, IHolidayCalendarGrain
{
    private int Year => int.Parse(this.GetPrimaryKeyString()["year-".Length..], System.Globalization.CultureInfo.InvariantCulture);

    public async Task<WriteResult<YearCalendar>> PutAsync(DateOnly[] holidays, DateOnly[] workingDays)
    {
        var errors = CatalogueRules.ValidateCalendar(Year, holidays, workingDays);
        if (!errors.IsEmpty)
        {
            return new(null, Rejection.Validation(errors.ToDictionary()));
        }

        var entered = new YearCalendar(Year, [.. holidays.Distinct().Order()], [.. workingDays.Distinct().Order()], Provisional: false);
        await state.ReplaceAsync(new HolidayCalendarState { Entered = entered });
        await caches.ForgetEverywhereAsync(Year);

        return new(entered, null);
    }

    // Earlier versions stored derived years as entries marked provisional: those are derived afresh, never authoritative.
    public Task<YearCalendar> GetAsync() =>
        Task.FromResult(state.State.Entered is { Provisional: false } entered
            ? entered
            : new YearCalendar(Year, [.. StatutoryHolidays.Provisional(Year)], [], Provisional: true));
}
