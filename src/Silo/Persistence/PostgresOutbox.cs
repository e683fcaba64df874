using HccOrleans.Hosting;
using HccOrleans.Model;
using Npgsql;
using NpgsqlTypes;

namespace HccOrleans.Silo.Persistence;

/// <summary>The durable outbox: one row per notification id; a repeated send is dropped by the primary key.</summary>
public sealed class PostgresOutbox(NpgsqlDataSource database) : INotificationSender
{
    public async Task SendAsync(IReadOnlyList<Notification> notifications)
    {
        if (notifications.Count == 0)
        {
            return;
        }

        await using var command = database.CreateCommand("""
            INSERT INTO hcc_outbox (id, dossier_code, kind, recipient_role, agency, due_at, fired_at, repeat, message, missed)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::int[], $9::text[], $10::int[])
            ON CONFLICT (id) DO NOTHING
            """);
        Add(command, NpgsqlDbType.Text, notifications.Select(n => n.Id));
        Add(command, NpgsqlDbType.Text, notifications.Select(n => n.DossierCode));
        Add(command, NpgsqlDbType.Text, notifications.Select(n => EnumWords.Of(n.Kind)));
        Add(command, NpgsqlDbType.Text, notifications.Select(n => n.RecipientRole));
        Add(command, NpgsqlDbType.Text, notifications.Select(n => n.Agency));
        Add(command, NpgsqlDbType.TimestampTz, notifications.Select(n => n.DueAt.UtcDateTime));
        Add(command, NpgsqlDbType.TimestampTz, notifications.Select(n => n.FiredAt.UtcDateTime));
        Add(command, NpgsqlDbType.Integer, notifications.Select(n => n.Repeat));
        Add(command, NpgsqlDbType.Text, notifications.Select(n => n.Message));
        Add(command, NpgsqlDbType.Integer, notifications.Select(n => n.Missed));
        await command.ExecuteNonQueryAsync();
    }

    private static void Add<T>(NpgsqlCommand command, NpgsqlDbType type, IEnumerable<T> values) =>
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | type, Value = values.ToArray() });
}
