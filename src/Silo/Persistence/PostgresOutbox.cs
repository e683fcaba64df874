using HccOrleans.Hosting;
using HccOrleans.Model;
using HccOrleans.Silo.Persistence.GroupCommit;
using Npgsql;
using NpgsqlTypes;

namespace HccOrleans.Silo.Persistence;

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
    private readonly CancellationTokenSource _stopping = new();
    private Task[] _loops = [];

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
        _loops = [.. Enumerable.Range(0, Loops).Select(i => new BatchLoop<PendingSend>(
                $"outbox-{i}", _sends.Reader, database, MaxBatch, InsertAsync, (s, e) => s.Done.TrySetException(e), logger))
            .Select(loop => Task.Run(() => loop.RunAsync(_stopping.Token)))];
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stopped after the silo (registered before it): whatever the grains sent is still written.
        _sends.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_loops).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _stopping.CancelAsync();
        }
    }

    private static async Task InsertAsync(NpgsqlConnection connection, IReadOnlyList<PendingSend> batch, CancellationToken cancellationToken)
    {
        var notifications = batch.SelectMany(s => s.Notifications).DistinctBy(n => n.Id).ToArray();
        await using var command = new NpgsqlCommand("""
            INSERT INTO hcc_outbox (id, dossier_code, kind, recipient_role, agency, due_at, fired_at, repeat, message, missed)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::int[], $9::text[], $10::int[])
            ON CONFLICT (id) DO NOTHING
            """, connection);
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
        await command.PrepareAsync(cancellationToken);
        await command.ExecuteNonQueryAsync(cancellationToken);
        foreach (var send in batch)
        {
            send.Done.TrySetResult();
        }
    }

    private static void Add<T>(NpgsqlCommand command, NpgsqlDbType type, IEnumerable<T> values) =>
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | type, Value = values.ToArray() });

    private sealed class PendingSend(IReadOnlyList<Notification> notifications)
    {
        public IReadOnlyList<Notification> Notifications { get; } = notifications;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
