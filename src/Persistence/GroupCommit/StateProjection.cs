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

    /// <summary>
    /// Adds to <paramref name="batch"/> the statements that write the rows of the given states. They run in the
    /// transaction that stores those states, after the states' own write, and only if every one of them took.
    /// </summary>
    void AddTo(NpgsqlBatch batch, IReadOnlyList<object> states);
}
