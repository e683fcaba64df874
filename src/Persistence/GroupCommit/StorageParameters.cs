using Npgsql;
using NpgsqlTypes;

namespace HccOrleans.Persistence.GroupCommit;

/// <summary>The positional parameters of <see cref="StorageStatements"/>: the batch's row keys as arrays, by ordinal.</summary>
internal static class StorageParameters
{
    public static void AddKeys(NpgsqlParameterCollection parameters, IReadOnlyList<StorageRowKey> keys, string serviceId)
    {
        ArrayParameters.Add(parameters, NpgsqlDbType.Integer, keys.Select(k => k.IdHash).ToArray());
        ArrayParameters.Add(parameters, NpgsqlDbType.Bigint, keys.Select(k => k.N0).ToArray());
        ArrayParameters.Add(parameters, NpgsqlDbType.Bigint, keys.Select(k => k.N1).ToArray());
        ArrayParameters.Add(parameters, NpgsqlDbType.Integer, keys.Select(k => k.TypeHash).ToArray());
        ArrayParameters.Add(parameters, NpgsqlDbType.Text, keys.Select(k => k.StateName).ToArray());
        ArrayParameters.Add(parameters, NpgsqlDbType.Text, keys.Select(k => k.Extension).ToArray());
        ArrayParameters.Add(parameters, NpgsqlDbType.Integer, Enumerable.Range(0, keys.Count).ToArray());
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = serviceId });
    }
}
