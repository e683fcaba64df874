using System.Collections.Frozen;

namespace HccOrleans.Grains.Regimes;

/// <summary>The two regimes, and which one governs a dossier (docs/rules/regimes.md).</summary>
public static class InForce
{
    public static readonly RegimeRules Decree61 = new(
        Regime.Decree61Of2018,
        "Decree 61/2018/NĐ-CP",
        Decree61Table.Find,
        DefaultSupplementPolicy: SupplementPolicy.Pause,
        DefaultPaymentPausesClock: true,
        LateReceiptCutoffMovesClock: true,
        UnansweredSupplementStops: true,
        UnmetPaymentStops: true,
        SupplementClosureDays: null,
        TimelySupplementWorkingDays: null,
        OnlineAlertAfter: null,
        OnlineReceptionWithin: null,
        CorrectionWorkingDays: null,
        AskOnceAtReception: false,
        OfficialCodeAtReceipt: false,
        new Dictionary<string, string>
        {
            [RuleCodes.SupplementRequestOnce] = "Art. 18",
            [RuleCodes.ApologyOnce] = "Art. 19",
            [RuleCodes.WithdrawalAfterDecision] = "Art. 18",
            [RuleCodes.NotInRegime] = "(as in force before 1 July 2025)",
        }.ToFrozenDictionary(),
        new[]
            {
                DossierAction.Transfer, DossierAction.Close, DossierAction.ProposeExtension, DossierAction.ConfirmExtension, DossierAction.DeclineExtension,
                DossierAction.CorrectResult, DossierAction.CompletePart, DossierAction.Consult, DossierAction.AnswerConsultation,
            }
            .ToFrozenDictionary(action => action, _ => RuleCodes.NotInRegime));

    public static readonly RegimeRules Decree118 = new(
        Regime.Decree118Of2025,
        "Decree 118/2025/NĐ-CP",
        Decree118Table.Find,
        DefaultSupplementPolicy: SupplementPolicy.Restart,
        DefaultPaymentPausesClock: false,
        LateReceiptCutoffMovesClock: false,
        UnansweredSupplementStops: false,
        UnmetPaymentStops: false,
        SupplementClosureDays: 15,
        TimelySupplementWorkingDays: 3,
        OnlineAlertAfter: TimeSpan.FromHours(2),
        OnlineReceptionWithin: TimeSpan.FromHours(8),
        CorrectionWorkingDays: 3,
        AskOnceAtReception: true,
        OfficialCodeAtReceipt: true,
        new Dictionary<string, string>
        {
            [RuleCodes.SupplementRequestOnce] = "Art. 19(5)",
            [RuleCodes.SupplementAtReceiptOnce] = "Art. 16(3), 17(1)(c)",
            [RuleCodes.WithdrawalAfterDecision] = "Art. 21",
            [RuleCodes.NoAgencyStop] = "Art. 19(5) and 21 (a stop is the one-stop unit's close or the citizen's withdrawal)",
            [RuleCodes.ExtensionReplacesApology] = "Art. 19(6)",
            [RuleCodes.ExtensionOnce] = "Art. 19(6)",
            [RuleCodes.ExtensionNotProposed] = "Art. 19(6)",
            [RuleCodes.ExtensionDate] = "Art. 19(6)",
            [RuleCodes.CloseTooEarly] = "Art. 19(5), counted by Civil Code 2015 Art. 147–148",
            [RuleCodes.CorrectionNotOpen] = "Art. 23",
            [RuleCodes.NoPart] = "Art. 20(2)",
            [RuleCodes.PartOnce] = "Art. 20(2)",
            [RuleCodes.PartNotStarted] = "Art. 20(2)",
            [RuleCodes.PartsOpen] = "Art. 20(2)",
            [RuleCodes.ConsultationNotFound] = "Art. 19(4)",
            [RuleCodes.ConsultationOnce] = "Art. 19(4)",
            [RuleCodes.NotInRegime] = "(in force from 1 July 2025)",
        }.ToFrozenDictionary(),
        new Dictionary<DossierAction, string>
        {
            [DossierAction.Stop] = RuleCodes.NoAgencyStop,
            [DossierAction.Apologize] = RuleCodes.ExtensionReplacesApology,
        }.ToFrozenDictionary());

    /// <summary>The regime of something received (online: submitted) at <paramref name="instant"/>.</summary>
    public static RegimeRules At(DateTimeOffset instant) => Of(RegimeDates.At(instant));

    public static RegimeRules Of(Regime regime) => regime == Regime.Decree118Of2025 ? Decree118 : Decree61;

    /// <summary>Both regimes, oldest first.</summary>
    public static IReadOnlyList<RegimeRules> All { get; } = [Decree61, Decree118];

    /// <summary>
    /// The regime that governs a dossier now: the one it recorded; else (stored before regimes were recorded, or a
    /// paper dossier not yet received) the one of its receipt — for an online dossier its submission, for a paper
    /// dossier still waiting the receipt that would happen <paramref name="now"/>.
    /// </summary>
    public static RegimeRules Of(DossierRegimeFacts dossier, DateTimeOffset now) =>
        dossier.Recorded is { } recorded ? Of(recorded)
        : At(dossier.ReceivedAt ?? (dossier.Channel == FilingChannel.Online ? dossier.SubmittedAt : now));
}

/// <summary>What decides a dossier's regime.</summary>
public readonly record struct DossierRegimeFacts(Regime? Recorded, FilingChannel Channel, DateTimeOffset SubmittedAt, DateTimeOffset? ReceivedAt);
