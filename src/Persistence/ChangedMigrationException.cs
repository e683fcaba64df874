namespace HccOrleans.Persistence;

/// <summary>A migration shipped and applied earlier reads differently in this build.</summary>
public sealed class ChangedMigrationException(string migration, string applied, string shipped) : InvalidOperationException(
    $"Migration {migration} was changed after it was applied to this database (applied SHA-256 {applied[..12]}…, this build {shipped[..12]}…). " +
    "A shipped migration must never change: restore its text and put the change in a new migration.");
