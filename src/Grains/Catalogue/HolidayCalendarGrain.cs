using HccOrleans.Domain;
using HccOrleans.Grains;
using HccOrleans.Hosting;
using HccOrleans.Model;

namespace HccOrleans.Catalogue;

[GenerateSerializer, Alias("hcc.HolidayCalendarState")]
public sealed record HolidayCalendarState
{
    [Id(0)] public YearCalendar? Entered { get; init; }
}

[GrainType("holiday-calendar")]
public sealed class HolidayCalendarGrain(
    [PersistentState("calendar-year", "hcc")] IPersistentState<HolidayCalendarState> state) : Grain, IHolidayCalendarGrain
{
    private int Year => int.Parse(this.GetPrimaryKeyString()["year-".Length..], System.Globalization.CultureInfo.InvariantCulture);

    public async Task<WriteResult<YearCalendar>> PutAsync(DateOnly[] holidays, DateOnly[] workingDays, bool provisional)
    {
        var errors = CatalogueRules.ValidateCalendar(Year, holidays, workingDays);
        if (!errors.IsEmpty)
        {
            return new(null, Rejection.Validation(errors.ToDictionary()));
        }

        var entered = new YearCalendar(Year, [.. holidays.Distinct().Order()], [.. workingDays.Distinct().Order()], provisional);
        await state.ReplaceAsync(new HolidayCalendarState { Entered = entered });

        return new(entered, null);
    }

    public Task<YearCalendar> GetAsync() =>
        Task.FromResult(state.State.Entered ?? new YearCalendar(Year, [.. StatutoryHolidays.Provisional(Year)], [], Provisional: true));
}
