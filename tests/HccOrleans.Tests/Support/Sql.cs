using Npgsql;

namespace HccOrleans.Tests.Support;

/// <summary>One statement on a test's database, for the tests that set up or read rows by hand.</summary>
public static class Sql
{
    public static async Task ExecuteAsync(this NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row, as <typeparamref name="T"/> (the statement casts it so).</summary>
    public static async Task<T> ScalarAsync<T>(this NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
