using System.Text.Json;
using HccOrleans.Bench.Measure;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Grains.Escalations;
using HccOrleans.Grains.Interfaces.Model;
using HccOrleans.Persistence;
using HccOrleans.Persistence.GroupCommit;
using Npgsql;
using NpgsqlTypes;

namespace HccOrleans.Bench.Suite;

/// <summary>
/// Many dossiers in processing with a deadline at one instant, written straight into the storage and reminder tables
/// (COPY): copies of one dossier that the engine itself submitted and received, each with its own code, due at the
/// given instant, its due-soon escalation already recorded, and its deadline reminder registered for that instant.
/// </summary>
internal static class DeadlineLoad
{
    public const string ServiceId = "bench";
    public const string Procedure = "9.900020.B";
    private const string ReminderName = DossierGrain.DeadlineReminder;
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Seeds the catalogue and submits and receives one dossier through the engine; answers its stored state.</summary>
    public static async Task<DossierState> TemplateAsync(string database)
    {
        await using (var app = await BenchSilo.StartAsync(database, new Dictionary<string, string?>()))
        {
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            await Workload.SeedAsync(grains, Procedure, TimeSpan.FromDays(5));
            await Workload.RegisterAsync(grains, Procedure, 1, 1, "template");
            await app.StopAsync();
        }

        await using var data = NpgsqlDataSource.Create(database);
        await using var read = data.CreateCommand("SELECT payloadbinary FROM orleansstorage WHERE graintypestring = 'dossier'");
        return JsonSerializer.Deserialize<DossierState>((byte[])(await read.ExecuteScalarAsync())!, StoredJson.Options)!;
    }

    /// <summary>Loads <paramref name="count"/> copies; copy i falls due at <paramref name="dueOf"/>(i).</summary>
    public static async Task LoadAsync(string database, DossierState template, int count, Func<int, DateTimeOffset> dueOf)
    {
        await using var data = NpgsqlDataSource.Create(database);
        await using var connection = await data.OpenConnectionAsync();
        await using var progress = new ProgressLine("deadlines loaded", count);
        var day = DateOnly.FromDateTime(template.SubmittedAt.UtcDateTime);
        var electronicId = template.Code.Split('-')[0];
        const int Chunk = 50_000;
        for (var first = 0; first < count; first += Chunk)
        {
            var size = Math.Min(Chunk, count - first);
            var codes = Enumerable.Range(first, size).Select(i => (Code: DossierCode.Format(electronicId, day, i + 100_000), Due: dueOf(i))).ToArray();
            await using (var states = await connection.BeginBinaryImportAsync("""
                COPY orleansstorage (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
                FROM STDIN (FORMAT BINARY)
                """))
            {
                foreach (var (code, due) in codes)
                {
                    var dueSoon = new EscalationRecord(EscalationKind.DueSoon, due.AddDays(-1), due.AddDays(-1), 0, template.Step,
                        template.Procedure!.Definition.AgencyCode, EscalationSchedule.DueSoonKey(due));
                    var state = template with
                    {
                        Code = code,
                        DueAt = due,
                        StepDueAt = null,
                        WakeAt = due,
                        Escalations = [dueSoon],
                        DueHistory = [.. template.DueHistory.Select(change => change with { DueAt = due })],
                    };
                    var key = StorageRowKey.For("dossier", GrainId.Create("dossier", code));
                    await states.StartRowAsync();
                    await states.WriteAsync(key.IdHash, NpgsqlDbType.Integer);
                    await states.WriteAsync(key.N0, NpgsqlDbType.Bigint);
                    await states.WriteAsync(key.N1, NpgsqlDbType.Bigint);
                    await states.WriteAsync(key.TypeHash, NpgsqlDbType.Integer);
                    await states.WriteAsync(key.StateName, NpgsqlDbType.Varchar);
                    await states.WriteAsync(key.Extension!, NpgsqlDbType.Varchar);
                    await states.WriteAsync(ServiceId, NpgsqlDbType.Varchar);
                    await states.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(state, StoredJson.Options), NpgsqlDbType.Bytea);
                    await states.WriteAsync(DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified), NpgsqlDbType.Timestamp);
                    await states.WriteAsync(2, NpgsqlDbType.Integer);
                }

                await states.CompleteAsync();
            }

            await using (var reminders = await connection.BeginBinaryImportAsync("""
                COPY orleansreminderstable (serviceid, grainid, remindername, starttime, period, grainhash, version) FROM STDIN (FORMAT BINARY)
                """))
            {
                foreach (var (code, due) in codes)
                {
                    var grain = GrainId.Create("dossier", code);
                    await reminders.StartRowAsync();
                    await reminders.WriteAsync(ServiceId, NpgsqlDbType.Varchar);
                    await reminders.WriteAsync(grain.ToString(), NpgsqlDbType.Varchar);
                    await reminders.WriteAsync(ReminderName, NpgsqlDbType.Varchar);
                    await reminders.WriteAsync(due.UtcDateTime, NpgsqlDbType.TimestampTz);
                    await reminders.WriteAsync((long)ReminderPeriod.TotalMilliseconds, NpgsqlDbType.Bigint);
                    await reminders.WriteAsync((int)grain.GetUniformHashCode(), NpgsqlDbType.Integer);
                    await reminders.WriteAsync(0, NpgsqlDbType.Integer);
                }

                await reminders.CompleteAsync();
            }

            progress.Add(size);
        }

        await using var analyze = new NpgsqlCommand("ANALYZE orleansstorage; ANALYZE orleansreminderstable", connection) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync();
    }
}
