using Npgsql;
using NpgsqlTypes;

namespace HccOrleans.Silo.Persistence.GroupCommit;

/// <summary>The positional parameters of <see cref="StorageStatements"/>: the batch's row keys as arrays, by ordinal.</summary>
internal static class StorageParameters
{
    public static void AddKeys(NpgsqlParameterCollection parameters, IReadOnlyList<StorageRowKey> keys, string serviceId)
    {
        Add(parameters, NpgsqlDbType.Integer, keys.Select(k => k.IdHash).ToArray());
        Add(parameters, NpgsqlDbType.Bigint, keys.Select(k => k.N0).ToArray());
        Add(parameters, NpgsqlDbType.Bigint, keys.Select(k => k.N1).ToArray());
        Add(parameters, NpgsqlDbType.Integer, keys.Select(k => k.TypeHash).ToArray());
        Add(parameters, NpgsqlDbType.Text, keys.Select(k => k.StateName).ToArray());
        Add(parameters, NpgsqlDbType.Text, keys.Select(k => k.Extension).ToArray());
        Add(parameters, NpgsqlDbType.Integer, Enumerable.Range(0, keys.Count).ToArray());
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = serviceId });
    }

    public static void Add<TValue>(NpgsqlParameterCollection parameters, NpgsqlDbType elementType, TValue[] values) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | elementType, Value = values });
}
