using System.Text.Json;
using HccOrleans.Grains.Interfaces.Model;
using HccOrleans.Grains.Interfaces.Reports;
using HccOrleans.Persistence.GroupCommit;
using Npgsql;
using NpgsqlTypes;

namespace HccOrleans.Persistence;

/// <summary>
/// The dossier index rows (migration 0006/0007 tables) of stored dossier states, from the one C# mapping
/// (the engine's, lent through <see cref="IDossierIndexSource"/>): written by the group-commit storage in the state write's own transaction, and
/// by the <see cref="IndexPump"/> from the trigger's queue when the ADO.NET provider stores the states. Listeners
/// hear the codes on channel <c>hcc_dossiers</c> at commit. A row never goes back to an older version.
/// </summary>
public sealed class DossierIndexProjection : IStateProjection
{
    public const string Channel = "hcc_dossiers";

    // Above this many codes, one notification says '*' (everything may have changed) instead of listing them.
    private const int NotifiedCodes = 200;

    // What a newer version of a row replaces: every column but the key. The overdue spans (migration 0019) are worked
    // out once a row, in the statement, by the one function that states their rule.
    private static readonly string[] Replaced =
    [
        "version", "status", "step", "handling_started", "procedure_code", "procedure_version", "procedure_name",
        "field", "receiving_unit", "handling_agency", "step_agency", "agencies", "channel", "applicant_name",
        "submitted_at", "received_at", "due_at", "step_due_at", "rescheduled_due_at", "completed_at", "returned_at",
        "completion", "outcome", "supplement_requests", "paused_hours", "apologized", "resolution_hours", "closed_at",
        "online_level", "due_history", "rating", "rated_at", "step_started_at", "assignee", "handlers", "figures", "settled_at", "indexed_at",
        "overdue_spans",
    ];

    private static readonly string UpsertDossiers = $"""
        INSERT INTO hcc_dossier_index AS i (service_id, code, {string.Join(", ", Replaced)})
        SELECT $1, code, version, status, step, handling_started, procedure_code, procedure_version, procedure_name,
            field, receiving_unit, handling_agency, step_agency, string_to_array(agencies, ','), channel, applicant_name, submitted_at, received_at,
            due_at, step_due_at, rescheduled_due_at, completed_at, returned_at, completion, outcome, supplement_requests,
            paused_hours, apologized, resolution_hours, closed_at, online_level, due_history, rating, rated_at, step_started_at, assignee, handlers, figures, settled_at, now(),
            hcc_overdue_spans(due_history, status, due_at)
        FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::integer[], $9::text[],
            $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::timestamptz[], $18::timestamptz[],
            $19::timestamptz[], $20::timestamptz[], $21::timestamptz[], $22::timestamptz[], $23::timestamptz[], $24::text[], $25::text[], $26::integer[],
            $27::numeric[], $28::boolean[], $29::numeric[], $30::timestamptz[], $31::text[], $32::jsonb[], $33::text[], $34::timestamptz[], $35::timestamptz[], $36::text[], $37::jsonb[], $38::jsonb[], $39::timestamptz[])
            AS r(code, version, status, step, handling_started, procedure_code, procedure_version, procedure_name,
                 field, receiving_unit, handling_agency, step_agency, agencies, channel, applicant_name, submitted_at, received_at,
                 due_at, step_due_at, rescheduled_due_at, completed_at, returned_at, completion, outcome, supplement_requests,
                 paused_hours, apologized, resolution_hours, closed_at, online_level, due_history, rating, rated_at, step_started_at, assignee, handlers, figures, settled_at)
        ON CONFLICT (service_id, code) DO UPDATE SET {string.Join(", ", Replaced.Select(c => $"{c} = excluded.{c}"))}
        WHERE i.version <= excluded.version
        """;

    // Only a changed text is written: most transitions change nothing the search box finds, and pay no index update.
    private const string UpsertSearch = """
        INSERT INTO hcc_dossier_search AS s (service_id, code, search_text)
        SELECT $1, * FROM unnest($2::text[], $3::text[])
        ON CONFLICT (service_id, code) DO UPDATE SET search_text = excluded.search_text
        WHERE s.search_text IS DISTINCT FROM excluded.search_text
        """;

    private const string InsertEscalations = """
        INSERT INTO hcc_escalation_index (service_id, dossier_code, key, kind, step, agency, due_at, fired_at, repeat)
        SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::integer[])
        ON CONFLICT DO NOTHING
        """;

    private readonly string _serviceId;
    private readonly IDossierIndexSource _source;

    public DossierIndexProjection(string serviceId, IDossierIndexSource source) => (_serviceId, _source) = (serviceId, source);

    public string StateName => "dossier";

    /// <summary>The index trigger (migration 0008) leaves to this projection the dossiers it writes itself.</summary>
    public string? Prologue => "SELECT set_config('hcc.indexed_by_writer', 'on', true)";

    public void AddTo(NpgsqlBatch batch, IReadOnlyList<object> states) =>
        AddTo(batch, _serviceId, states.Select(_source.FromState).OfType<DossierIndexRow>());

    /// <summary>Writes the index rows of the given dossiers of one service, in the connection's current transaction.</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, string serviceId, IEnumerable<DossierIndexRow> dossiers, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        AddTo(batch, serviceId, dossiers);
        if (batch.BatchCommands.Count > 0)
        {
            await batch.PrepareAsync(cancellationToken);
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Adds the statements that write the index rows of the given dossiers of one service (none for no dossier).</summary>
    private static void AddTo(NpgsqlBatch batch, string serviceId, IEnumerable<DossierIndexRow> dossiers)
    {
        // In code order, so that concurrent writers lock index rows in the same order.
        var rows = dossiers.OrderBy(r => r.Summary.Code, StringComparer.Ordinal).ToArray();
        if (rows.Length == 0)
        {
            return;
        }

        var escalations = rows.SelectMany(r => r.Escalations.Select(e => (r.Summary.Code, Record: e))).ToArray();
        var upsert = new NpgsqlBatchCommand(UpsertDossiers);
        var p = upsert.Parameters;
        p.Add(new NpgsqlParameter { Value = serviceId, NpgsqlDbType = NpgsqlDbType.Text });
        ArrayParameters.Add(p, NpgsqlDbType.Text, rows.Select(r => r.Summary.Code));
        ArrayParameters.Add(p, NpgsqlDbType.Bigint, rows.Select(r => r.Summary.Version));
        ArrayParameters.Add(p, NpgsqlDbType.Text, rows.Select(r => EnumWords.Of(r.Summary.Status)));
        ArrayParameters.Add(p, NpgsqlDbType.Text, rows.Select(r => EnumWords.Of(r.Summary.Step)));
        ArrayParameters.Add(p, NpgsqlDbType.Boolean, rows.Select(r => r.HandlingStarted));
        ArrayParameters.Add(p, NpgsqlDbType.Text, rows.Select(r => r.Summary.Procedure.Code));
        ArrayParameters.Add(p, NpgsqlDbType.Integer, rows.Select(r => r.Summary.Procedure.Version));
        ArrayParameters.Add(p, NpgsqlDbType.Text, rows.Select(r => r.Summary.Procedure.Name));
        ArrayParameters.Add(p, NpgsqlDbType.Text, rows.Select(r => r.Summary.Field));
        ArrayParameters.Add(p, NpgsqlDbType.Text, rows.Select(r => r.Summary.ReceivingUnit));
        ArrayParameters.Add(p, NpgsqlDbType.Text, rows.Select(r => r.Summary.HandlingAgency));
        ArrayParameters.Add(p, NpgsqlDbType.Text, rows.Select(r => r.Summary.StepAgency));
        ArrayParameters.Add(p, NpgsqlDbType.Text, rows.Select(r => string.Join(',', r.Summary.Agencies)));
        ArrayParameters.Add(p, NpgsqlDbType.Text, rows.Select(r => EnumWords.Of(r.Summary.Channel)));
        ArrayParameters.Add(p, NpgsqlDbType.Text, rows.Select(r => r.Summary.ApplicantName));
        ArrayParameters.Add(p, NpgsqlDbType.TimestampTz, rows.Select(r => Utc(r.Summary.SubmittedAt)));
        ArrayParameters.Add(p, NpgsqlDbType.TimestampTz, rows.Select(r => Utc(r.Summary.ReceivedAt)));
        ArrayParameters.Add(p, NpgsqlDbType.TimestampTz, rows.Select(r => Utc(r.Summary.DueAt)));
        ArrayParameters.Add(p, NpgsqlDbType.TimestampTz, rows.Select(r => Utc(r.Summary.StepDueAt)));
        ArrayParameters.Add(p, NpgsqlDbType.TimestampTz, rows.Select(r => Utc(r.Summary.RescheduledDueAt)));
        ArrayParameters.Add(p, NpgsqlDbType.TimestampTz, rows.Select(r => Utc(r.Summary.CompletedAt)));
        ArrayParameters.Add(p, NpgsqlDbType.TimestampTz, rows.Select(r => Utc(r.Summary.ReturnedAt)));
        ArrayParameters.Add(p, NpgsqlDbType.Text, rows.Select(r => Word(r.Summary.Completion)));
        ArrayParameters.Add(p, NpgsqlDbType.Text, rows.Select(r => Word(r.Summary.Outcome)));
        ArrayParameters.Add(p, NpgsqlDbType.Integer, rows.Select(r => r.Summary.SupplementRequests));
        ArrayParameters.Add(p, NpgsqlDbType.Numeric, rows.Select(r => r.Summary.PausedWorkingHours));
        ArrayParameters.Add(p, NpgsqlDbType.Boolean, rows.Select(r => r.Summary.Apologized));
        ArrayParameters.Add(p, NpgsqlDbType.Numeric, rows.Select(r => r.Summary.ResolutionWorkingHours));
        ArrayParameters.Add(p, NpgsqlDbType.TimestampTz, rows.Select(r => Utc(r.Summary.ClosedAt)));
        ArrayParameters.Add(p, NpgsqlDbType.Text, rows.Select(r => EnumWords.Of(r.Summary.OnlineLevel)));
        ArrayParameters.Add(p, NpgsqlDbType.Jsonb, rows.Select(r => JsonSerializer.Serialize(r.Summary.DueHistory, StoredJson.Options)));
        ArrayParameters.Add(p, NpgsqlDbType.Text, rows.Select(r => Word(r.Summary.Rating)));
        ArrayParameters.Add(p, NpgsqlDbType.TimestampTz, rows.Select(r => Utc(r.Summary.RatedAt)));
        ArrayParameters.Add(p, NpgsqlDbType.TimestampTz, rows.Select(r => Utc(r.Summary.StepStartedAt)));
        ArrayParameters.Add(p, NpgsqlDbType.Text, rows.Select(r => r.Summary.Assignee));
        ArrayParameters.Add(p, NpgsqlDbType.Jsonb, rows.Select(r => JsonSerializer.Serialize(r.Summary.Handlers, StoredJson.Options)));
        ArrayParameters.Add(p, NpgsqlDbType.Jsonb, rows.Select(r => r.Summary.Figures is { } figures ? JsonSerializer.Serialize(figures, StoredJson.Options) : null));
        ArrayParameters.Add(p, NpgsqlDbType.TimestampTz, rows.Select(r => Utc(r.Summary.SettledAt())));
        batch.BatchCommands.Add(upsert);

        var search = new NpgsqlBatchCommand(UpsertSearch);
        search.Parameters.Add(new NpgsqlParameter { Value = serviceId, NpgsqlDbType = NpgsqlDbType.Text });
        ArrayParameters.Add(search.Parameters, NpgsqlDbType.Text, rows.Select(r => r.Summary.Code));
        ArrayParameters.Add(search.Parameters, NpgsqlDbType.Text, rows.Select(r => r.Summary.SearchText ?? ""));
        batch.BatchCommands.Add(search);

        if (escalations.Length > 0)
        {
            var insert = new NpgsqlBatchCommand(InsertEscalations);
            var e = insert.Parameters;
            e.Add(new NpgsqlParameter { Value = serviceId, NpgsqlDbType = NpgsqlDbType.Text });
            ArrayParameters.Add(e, NpgsqlDbType.Text, escalations.Select(x => x.Code));
            ArrayParameters.Add(e, NpgsqlDbType.Text, escalations.Select(x => x.Record.Key));
            ArrayParameters.Add(e, NpgsqlDbType.Text, escalations.Select(x => EnumWords.Of(x.Record.Kind)));
            ArrayParameters.Add(e, NpgsqlDbType.Text, escalations.Select(x => EnumWords.Of(x.Record.Step)));
            ArrayParameters.Add(e, NpgsqlDbType.Text, escalations.Select(x => x.Record.Agency ?? ""));
            ArrayParameters.Add(e, NpgsqlDbType.TimestampTz, escalations.Select(x => x.Record.DueAt.UtcDateTime));
            ArrayParameters.Add(e, NpgsqlDbType.TimestampTz, escalations.Select(x => x.Record.FiredAt.UtcDateTime));
            ArrayParameters.Add(e, NpgsqlDbType.Integer, escalations.Select(x => x.Record.Repeat));
            batch.BatchCommands.Add(insert);
        }

        var notify = new NpgsqlBatchCommand("SELECT pg_notify($1, $2)");
        notify.Parameters.Add(new NpgsqlParameter { Value = Channel, NpgsqlDbType = NpgsqlDbType.Text });
        notify.Parameters.Add(new NpgsqlParameter
        {
            Value = rows.Length <= NotifiedCodes ? string.Join(',', rows.Select(r => r.Summary.Code)) : "*",
            NpgsqlDbType = NpgsqlDbType.Text,
        });
        batch.BatchCommands.Add(notify);
    }

    private static string? Word<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? EnumWords.Of(v) : null;

    private static DateTime? Utc(DateTimeOffset? instant) => instant?.UtcDateTime;
}
