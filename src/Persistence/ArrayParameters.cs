using Npgsql;
using NpgsqlTypes;

namespace HccOrleans.Persistence;

/// <summary>
/// A column of a batch as one array parameter, the shape every batched statement here takes
/// (<c>unnest($1::text[], ...)</c>): one round trip and one plan however many rows.
/// </summary>
internal static class ArrayParameters
{
    public static void Add<T>(NpgsqlParameterCollection parameters, NpgsqlDbType elementType, IEnumerable<T> values) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | elementType, Value = values as T[] ?? values.ToArray() });
}
