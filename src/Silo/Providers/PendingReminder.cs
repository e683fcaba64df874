using HccOrleans.Persistence.GroupCommit;

namespace HccOrleans.Silo.Providers;

/// <summary>A reminder registration waiting for its batch's commit, as the ADO.NET reminder table stores it: answers the row's new version.</summary>
internal sealed class PendingReminder(ReminderEntry entry) : BatchedItem
{
    public (string GrainId, string Name) Key { get; } = (entry.GrainId.ToString(), entry.ReminderName);

    /// <summary>A start without a kind is UTC, as the ADO.NET table takes it.</summary>
    public DateTime StartAt { get; } = entry.StartAt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc) : entry.StartAt.ToUniversalTime();

    public long PeriodMilliseconds { get; } = (long)entry.Period.TotalMilliseconds;

    /// <summary>The ring position the reminder services read their ranges by.</summary>
    public int GrainHash { get; } = unchecked((int)entry.GrainId.GetUniformHashCode());

    public TaskCompletionSource<string?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
