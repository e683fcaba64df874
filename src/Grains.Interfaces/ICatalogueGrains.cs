using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces;

/// <summary>All versions of one procedure, keyed by <see cref="GrainKeys.Procedure"/>.</summary>
[Alias("hcc.IProcedureGrain")]
public interface IProcedureGrain : IGrainWithStringKey
{
    /// <summary>Stores a new version when the definition differs from the current one.</summary>
    [Alias("Put")] Task<WriteResult<ProcedureVersion>> PutAsync(ProcedureDefinition definition);

    [RepeatSafe, Alias("GetCurrent")] Task<ProcedureVersion?> GetCurrentAsync();

    [RepeatSafe, Alias("GetVersion")] Task<ProcedureVersion?> GetVersionAsync(int version);

    /// <summary>
    /// The due dates a dossier of the current version would get if received at <paramref name="from"/>; refused as
    /// not found when the procedure has no version, and by rule when it does not offer <paramref name="channel"/>.
    /// </summary>
    [RepeatSafe, Alias("PreviewDue")] Task<WriteResult<DuePreview>> PreviewDueAsync(DateTimeOffset from, FilingChannel channel);
}

/// <summary>The current version of every procedure, for listing.</summary>
[Alias("hcc.IProcedureDirectoryGrain")]
public interface IProcedureDirectoryGrain : IGrainWithStringKey
{
    [Alias("Upsert")] Task UpsertAsync(ProcedureVersion current);

    [RepeatSafe, Alias("List")] Task<ProcedureVersion[]> ListAsync();
}

/// <summary>One year of the holiday calendar, keyed by <see cref="GrainKeys.Calendar"/>.</summary>
[Alias("hcc.IHolidayCalendarGrain")]
public interface IHolidayCalendarGrain : IGrainWithStringKey
{
    /// <summary>Enters the year's announced lists, complete: from now on nothing is derived for it.</summary>
    [Alias("Put")] Task<WriteResult<YearCalendar>> PutAsync(DateOnly[] holidays, DateOnly[] workingDays);

    /// <summary>The entered year, or the provisional one derived from the Labour Code.</summary>
    [RepeatSafe, Alias("Get")] Task<YearCalendar> GetAsync();
}

/// <summary>
/// Moves open dossiers' due dates after a change of the year's calendar, a batch at a time in the background, keyed
/// by <see cref="GrainKeys.DueRecompute"/>; it survives a silo's loss and goes on where it stopped.
/// </summary>
[Alias("hcc.IDueRecomputeGrain")]
public interface IDueRecomputeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts moving <paramref name="dossiers"/> and answers the new progress; while an earlier change of the year
    /// is still being applied, answers that one's instead and starts nothing.
    /// </summary>
    [Alias("Start")] Task<DueRecomputeProgress> StartAsync(CalendarChange change, string[] dossiers);

    /// <summary>The latest change's progress, or null if the year was never recomputed.</summary>
    [RepeatSafe, Alias("Progress")] Task<DueRecomputeProgress?> ProgressAsync();

    /// <summary>The latest change's progress once it has finished (at once if none runs), or null if there was none.</summary>
    /// <remarks>Interleaves, so that the batches it waits for keep running while it waits.</remarks>
    [RepeatSafe, Orleans.Concurrency.AlwaysInterleave, Alias("Finished")] Task<DueRecomputeProgress?> FinishedAsync();
}

/// <summary>Receiving units and handling agencies.</summary>
[Alias("hcc.IUnitDirectoryGrain")]
public interface IUnitDirectoryGrain : IGrainWithStringKey
{
    [Alias("Put")] Task<WriteResult<UnitInfo>> PutAsync(UnitInfo unit);

    [RepeatSafe, Alias("List")] Task<UnitInfo[]> ListAsync();

    [RepeatSafe, Alias("Get")] Task<UnitInfo?> GetAsync(string agencyCode);

    /// <summary>What a submission needs of the tree: the receiving unit, the competent agency and that agency's own one-stop unit on <paramref name="day"/>.</summary>
    [RepeatSafe, Alias("Reception")] Task<ReceptionUnits> ReceptionAsync(string receivingUnit, string? agency, DateOnly day);
}

/// <summary>The staff directory: who a user name is, at which unit, in which roles.</summary>
[Alias("hcc.IPeopleDirectoryGrain")]
public interface IPeopleDirectoryGrain : IGrainWithStringKey
{
    [Alias("Put")] Task<WriteResult<Person>> PutAsync(Person person);

    [RepeatSafe, Alias("List")] Task<Person[]> ListAsync();

    /// <summary>One person by user name, or null: what a sign-in, a session check or an assignment needs, not the whole directory.</summary>
    [RepeatSafe, Alias("Get")] Task<Person?> GetAsync(string userName);
}
