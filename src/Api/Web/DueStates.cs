namespace HccOrleans.Api.Web;

/// <summary>Where a dossier stands against its deadline, as a queue row shows it.</summary>
public enum DueState
{
    NotReceived,
    Paused,
    Overdue,
    DueSoon,
    WithinDeadline,
    Finished,
}

public static class DueStates
{
    public static DueState Of(DossierSummary d, QueueClock clock) => d switch
    {
        { IsPaused: true } => DueState.Paused,
        { Status: DossierStatus.Processing, DueAt: { } due } when due < clock.Now => DueState.Overdue,
        { Status: DossierStatus.Processing, DueAt: { } due } when due <= clock.DueSoonUntil => DueState.DueSoon,
        { Status: DossierStatus.Processing } => DueState.WithinDeadline,
        { ReceivedAt: null } => DueState.NotReceived,
        _ => DueState.Finished,
    };

    public static (string Text, string Css) Badge(DueState state, CompletionClass? completion) => state switch
    {
        DueState.Paused => ("Tạm dừng", "due-paused"),
        DueState.Overdue => ("Quá hạn", "due-overdue"),
        DueState.DueSoon => ("Sắp đến hạn", "due-soon"),
        DueState.WithinDeadline => ("Trong hạn", "due-ok"),
        DueState.NotReceived => ("Chưa tiếp nhận", "due-paused"),
        _ => (Texts.Completion(completion), completion == CompletionClass.Late ? "due-overdue" : "due-ok"),
    };
}
