using HccOrleans.Grains.Interfaces;
using HccOrleans.Grains.Interfaces.Model;
using HccOrleans.Persistence.GroupCommit;
using Npgsql;
using NpgsqlTypes;

namespace HccOrleans.Persistence;

/// <summary>
/// The durable outbox: one row per notification id, a repeated send dropped by the primary key. Concurrent sends share
/// one insert and one commit (a deadline falling due for thousands of dossiers at once); each sender is answered
/// after the commit that holds its rows.
/// </summary>
public sealed partial class PostgresOutbox(NpgsqlDataSource database, ILogger<PostgresOutbox> logger) : INotificationSender, IHostedService
{
    private const int Loops = 2;
    private const int MaxBatch = 256;

    private readonly System.Threading.Channels.Channel<PendingSend> _sends = System.Threading.Channels.Channel.CreateUnbounded<PendingSend>();
    private readonly BatchLoops _loops = new();

    public Task SendAsync(IReadOnlyList<Notification> notifications)
    {
        if (notifications.Count == 0)
        {
            return Task.CompletedTask;
        }

        var send = new PendingSend(notifications);
        return _sends.Writer.TryWrite(send) ? send.Done.Task : Task.FromException(new InvalidOperationException("The outbox has stopped."));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loops.Start(Enumerable.Range(0, Loops).Select(i => (Func<CancellationToken, Task>)new BatchLoop<PendingSend>(
            $"outbox-{i}", _sends.Reader, database, MaxBatch, InsertAsync, (s, e) => s.Done.TrySetException(e), logger).RunAsync));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Stopped after the silo (registered before it): whatever the grains sent is still written.
        _sends.Writer.TryComplete();
        return _loops.StopAsync(cancellationToken);
    }

    private static async Task InsertAsync(NpgsqlConnection connection, IReadOnlyList<PendingSend> batch, CancellationToken cancellationToken)
    {
        var notifications = batch.SelectMany(s => s.Notifications).DistinctBy(n => n.Id).ToArray();
        // A staff notice is delivered by being written (the pages show it); a message with a channel waits for the delivery loop.
        await using var command = new NpgsqlCommand("""
            INSERT INTO hcc_outbox (id, dossier_code, kind, recipient_role, agency, due_at, fired_at, repeat, message, missed,
                                    channel, address, subject, version, next_attempt_at, delivered_at)
            SELECT r.*, CASE WHEN r.channel IS NULL THEN NULL ELSE now() END, CASE WHEN r.channel IS NULL THEN now() END
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::int[], $9::text[], $10::int[],
                        $11::text[], $12::text[], $13::text[], $14::bigint[])
                AS r(id, dossier_code, kind, recipient_role, agency, due_at, fired_at, repeat, message, missed, channel, address, subject, version)
            ON CONFLICT (id) DO NOTHING
            """, connection);
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.Text, notifications.Select(n => n.Id));
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.Text, notifications.Select(n => n.DossierCode));
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.Text, notifications.Select(n => EnumWords.Of(n.Kind)));
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.Text, notifications.Select(n => n.RecipientRole));
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.Text, notifications.Select(n => n.Agency));
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.TimestampTz, notifications.Select(n => n.DueAt.UtcDateTime));
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.TimestampTz, notifications.Select(n => n.FiredAt.UtcDateTime));
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.Integer, notifications.Select(n => n.Repeat));
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.Text, notifications.Select(n => n.Message));
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.Integer, notifications.Select(n => n.Missed));
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.Text, notifications.Select(n => n.Destination?.Channel));
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.Text, notifications.Select(n => n.Destination?.Address));
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.Text, notifications.Select(n => n.Destination?.Subject));
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.Bigint, notifications.Select(n => n.Destination?.Version));
        await command.PrepareAsync(cancellationToken);
        await command.ExecuteNonQueryAsync(cancellationToken);
        foreach (var send in batch)
        {
            send.Done.TrySetResult();
        }
    }

    private sealed class PendingSend(IReadOnlyList<Notification> notifications) : BatchedItem
    {
        public IReadOnlyList<Notification> Notifications { get; } = notifications;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
