using System.Globalization;
using Npgsql;

namespace HccOrleans.Bench.Measure;

/// <summary>
/// The transitions a round's database holds: every stored dossier's version counts its writes, one per transition.
/// A rate is only as true as the count it divides, so the count the driver expects is checked against the store.
/// </summary>
internal static class StoredTransitions
{
    public static async Task<long> ReadAsync(NpgsqlDataSource data)
    {
        await using var command = data.CreateCommand("SELECT coalesce(sum(version), 0) FROM orleansstorage WHERE graintypestring = 'dossier'");
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Fails unless the dossiers stored exactly <paramref name="expected"/> transitions since <paramref name="before"/>.</summary>
    public static async Task CheckAsync(NpgsqlDataSource data, long before, long expected)
    {
        var stored = await ReadAsync(data) - before;
        if (stored != expected)
        {
            throw new InvalidOperationException($"The round counted {expected:N0} transitions, but its dossiers stored {stored:N0} writes: the rate would divide the wrong count.");
        }
    }
}
