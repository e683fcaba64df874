using Microsoft.Extensions.Logging;

namespace HccOrleans.Grains.Dossiers;

/// <summary>
/// What a dossier grain tells the operator: every change of the world, each with the dossier's code. Nothing about
/// the applicant (names, ID numbers, phones) and no free text a person typed goes into a line.
/// </summary>
internal static partial class DossierLog
{
    public static void Moved(ILogger logger, string dossierCode, DossierAction action, Actor actor, DossierStatus status, long version)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            MovedLine(logger, dossierCode, new(action), new(actor), actor.Agency, new(status), version);
        }
    }

    public static void Refused(ILogger logger, string dossierCode, DossierAction action, Actor actor, string rule)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            RefusedLine(logger, dossierCode, new(action), new(actor), actor.Agency, rule);
        }
    }

    public static void Escalated(ILogger logger, string dossierCode, EscalationRecord record, double latenessSeconds) =>
        EscalatedLine(logger, dossierCode, new(record.Kind), record.Key, new(record.Step), record.Agency, record.DueAt, latenessSeconds);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Dossier {DossierCode}: {Action} by {ActorRole} of {Agency} → {Status}, version {Version}")]
    private static partial void MovedLine(ILogger logger, string dossierCode, Word<DossierAction> action, RoleWord actorRole, string agency, Word<DossierStatus> status, long version);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Dossier {DossierCode}: {Action} by {ActorRole} of {Agency} refused by rule {Rule}")]
    private static partial void RefusedLine(ILogger logger, string dossierCode, Word<DossierAction> action, RoleWord actorRole, string agency, string rule);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Dossier {DossierCode}: escalation {Kind} ({Key}) of step {Step} for {Agency}, due {DueAt:O}, recorded {LatenessSeconds:F1} s after")]
    private static partial void EscalatedLine(ILogger logger, string dossierCode, Word<EscalationKind> kind, string key, Word<ProcessingStep> step, string agency, DateTimeOffset dueAt, double latenessSeconds);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Dossier {DossierCode}: stopped automatically at {At:O} ({Reason})")]
    public static partial void StoppedAutomatically(ILogger logger, string dossierCode, DateTimeOffset at, string reason);

    /// <summary>An enum value as the API spells it, spelled only when a line is written.</summary>
    private readonly record struct Word<TEnum>(TEnum Value)
        where TEnum : struct, Enum
    {
        public override string ToString() => EnumWords.Of(Value);
    }

    /// <summary>The actor's first role as the API spells it.</summary>
    private readonly record struct RoleWord(Actor Actor)
    {
        public override string ToString() => Actor.Roles is [var first, ..] ? EnumWords.Of(first) : "none";
    }
}
