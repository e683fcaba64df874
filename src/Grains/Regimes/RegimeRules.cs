using HccOrleans.Grains.Workflow;

namespace HccOrleans.Grains.Regimes;

/// <summary>
/// Everything that differs between the regimes, as data: the table, the defaults a procedure may override, what a
/// timeout does, the periods of the regime's own rules, and the article each refusal cites. Code asks the dossier's
/// regime instead of testing which one it is.
/// </summary>
/// <param name="Decree">How refusals, pages and forms name the regime's decree.</param>
/// <param name="DefaultSupplementPolicy">What a supplement does to the clock when the procedure names no policy.</param>
/// <param name="DefaultPaymentPausesClock">Whether a financial obligation stops the clock when the procedure does not say.</param>
/// <param name="LateReceiptCutoffMovesClock">Whether a receipt after <c>Calendar:LateReceiptCutoff</c> starts the clock the next working day.</param>
/// <param name="UnansweredSupplementStops">The engine stops a dossier whose supplement never came (else: an escalation to the close queue).</param>
/// <param name="UnmetPaymentStops">The engine stops a dossier whose obligation was never met (else: an escalation).</param>
/// <param name="SupplementClosureDays">Calendar days from the notice after which the one-stop unit may close; null: no close action.</param>
/// <param name="TimelySupplementWorkingDays">Working days after the receipt date within which an appraisal-stage request is timely; null: none.</param>
/// <param name="OnlineAlertAfter">Clock time after an online submission at which the unit's officers are alerted; null: no alert.</param>
/// <param name="OnlineReceptionWithin">Working time after an online submission within which an officer must act; null: no limit.</param>
/// <param name="CorrectionWorkingDays">Working days to correct a wrong result; null: no correction action.</param>
/// <param name="AskOnceAtReception">A supplement may be asked at reception only once.</param>
/// <param name="OfficialCodeAtReceipt">The official code is issued at receipt from the handling agency's ID; else the code of submission is official.</param>
/// <param name="Articles">The article each rule code stands on, as the regime's decree numbers it.</param>
/// <param name="Missing">Actions this regime does not have, with the rule a refusal names.</param>
public sealed record RegimeRules(
    Regime Regime,
    string Decree,
    TableLookup Find,
    SupplementPolicy DefaultSupplementPolicy,
    bool DefaultPaymentPausesClock,
    bool LateReceiptCutoffMovesClock,
    bool UnansweredSupplementStops,
    bool UnmetPaymentStops,
    int? SupplementClosureDays,
    int? TimelySupplementWorkingDays,
    TimeSpan? OnlineAlertAfter,
    TimeSpan? OnlineReceptionWithin,
    int? CorrectionWorkingDays,
    bool AskOnceAtReception,
    bool OfficialCodeAtReceipt,
    IReadOnlyDictionary<string, string> Articles,
    IReadOnlyDictionary<DossierAction, string> Missing)
{
    /// <summary>"Decree 118/2025/NĐ-CP Art. 19(6)": the article <paramref name="rule"/> stands on, or the decree alone.</summary>
    public string Cite(string rule) => Articles.TryGetValue(rule, out var article) ? $"{Decree} {article}" : Decree;

    /// <summary>A refusal by one of the regime's rules, naming it and the article it stands on.</summary>
    public Rejection Refusal(RejectionKind kind, string rule, string detail, Dictionary<string, string[]>? errors = null) =>
        new(kind, rule, $"{detail} ({Cite(rule)}).", Errors: errors);

    /// <summary>The procedure's supplement policy, or the regime's default when it names none.</summary>
    public SupplementPolicy SupplementPolicyOf(ProcedureDefinition procedure) => procedure.SupplementPolicy ?? DefaultSupplementPolicy;

    public bool PaymentPausesClock(ProcedureDefinition procedure) => procedure.PaymentPausesClock ?? DefaultPaymentPausesClock;

    /// <summary>
    /// The rules as they apply to dossiers of <paramref name="procedure"/>: where sector law sets its own period (the
    /// procedure says so) and the regime has the rule at all, the procedure's period replaces the regime's.
    /// </summary>
    public RegimeRules For(ProcedureDefinition? procedure) =>
        procedure is null or { OnlineReceptionWorkingHours: null, SupplementClosureDays: null, TimelySupplementWorkingDays: null } ? this : this with
    {
        OnlineReceptionWithin = OnlineReceptionWithin is null ? null
            : procedure.OnlineReceptionWorkingHours is { } hours ? TimeSpan.FromHours(hours) : OnlineReceptionWithin,
        SupplementClosureDays = SupplementClosureDays is null ? null : procedure.SupplementClosureDays ?? SupplementClosureDays,
        TimelySupplementWorkingDays = TimelySupplementWorkingDays is null ? null : procedure.TimelySupplementWorkingDays ?? TimelySupplementWorkingDays,
    };
}
