using Npgsql;

namespace HccOrleans.Persistence.GroupCommit;

/// <summary>
/// Rows derived from one kind of grain state, written in the same transaction as the states they come from: a
/// reader of the derived rows never sees a state that is not stored, nor misses one that is.
/// </summary>
public interface IStateProjection
{
    /// <summary>The state name (the <c>[PersistentState]</c> name) this projection derives rows from.</summary>
    string StateName { get; }

    /// <summary>SQL run first in every batch transaction that holds such states (for example a <c>SET LOCAL</c>).</summary>
    string? Prologue { get; }

    /// <summary>Writes the rows of the given states, which the transaction on <paramref name="connection"/> has just stored.</summary>
    Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<object> states, CancellationToken cancellationToken);
}
