namespace HccOrleans.Grains.Dossiers;

/// <summary>
/// Who ended each step of a dossier, read from its control log: the entry that hands the dossier on from the step
/// (hand-over, appraisal, approval or send-back). A step's lateness share goes to the last person who ended it.
/// </summary>
internal static class StepHandlers
{
    private static readonly HashSet<DossierAction> EndsAStep = [DossierAction.Transfer, DossierAction.Appraise, DossierAction.Approve, DossierAction.SendBack];

    public static StepHandler[] Of(DossierState s)
    {
        var ended = s.Log.Where(e => EndsAStep.Contains(e.Action) && e.FromStep != ProcessingStep.None).ToArray();
        return [.. ended.Select((e, i) => new StepHandler(e.FromStep, e.Actor, e.Agency, e.At,
            ended.Skip(i + 1).Any(later => later.FromStep == e.FromStep) ? 0 : ShareOf(s, e.FromStep)))];
    }

    private static int ShareOf(DossierState s, ProcessingStep step) =>
        (s.Lateness ?? []).Where(share => share.Part == EnumWords.Of(step)).Sum(share => share.ShareMinutes);
}
