using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces;

/// <summary>One dossier, keyed by its code; owns the state machine and the control log.</summary>
[Alias("hcc.IDossierGrain")]
public interface IDossierGrain : IGrainWithStringKey
{
    /// <summary>Creates the dossier; a repeat of the same creation returns the existing one.</summary>
    [RepeatSafe, Alias("Create")] Task<DossierResult> CreateAsync(NewDossier dossier);

    /// <summary>The dossier, if <paramref name="reader"/> may see it (directors all; units and agencies their own).</summary>
    [RepeatSafe, Alias("Get")] Task<DossierResult> GetAsync(Actor reader);

    /// <summary>Whether a dossier is kept under this key (its registration number); false for any other code.</summary>
    [RepeatSafe, Alias("Exists")] Task<bool> ExistsAsync();

    /// <summary>The actions <paramref name="actor"/> may take on the dossier now (none when it does not exist).</summary>
    [RepeatSafe, Alias("Offers")] Task<DossierAction[]> OffersAsync(Actor actor);

    /// <summary>The citizen's view, only when <paramref name="idNumber"/> is the applicant's; null otherwise.</summary>
    [RepeatSafe, Alias("Lookup")] Task<LookupView?> LookupAsync(string idNumber);

    /// <summary>Fires the escalations that are due and reschedules the deadline reminder; what a reminder tick does.</summary>
    [Alias("CheckDeadlines")] Task<DossierResult> CheckDeadlinesAsync();

    /// <summary>
    /// Moves the due dates the dossier was issued onto the changed calendar, keeping the working time it was granted;
    /// a change already applied, a finished dossier or a date a person set changes nothing (true when it moved).
    /// </summary>
    [RepeatSafe, Alias("RecomputeDue")] Task<bool> RecomputeDueAsync(CalendarChange change);

    /// <summary>
    /// Moves the dossier by <paramref name="action"/> (any action but submission, which creates it), if the
    /// transition table, the actor's role and agency, the version and the action's own rules allow it. Safe to repeat
    /// when the context carries the version it expects: a second application is refused as stale.
    /// </summary>
    [Alias("Act")] Task<DossierResult> ActAsync(DossierAction action, ActorContext context, ActionFields fields);

    /// <summary>The applicant's rating of the returned dossier, once; refused as not found unless <paramref name="idNumber"/> is the applicant's.</summary>
    [Alias("Rate")] Task<RatingResult> RateAsync(string idNumber, SatisfactionRating rating, string? comment);

    /// <summary>The applicant's rating with the Art. 33(1) items, once the result is returned.</summary>
    [Alias("RateItems")] Task<RatingResult> RateAsync(string idNumber, RatingInput rating);
}
