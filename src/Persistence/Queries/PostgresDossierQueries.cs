using System.Text;
using System.Text.Json;
using HccOrleans.Grains.Interfaces.Queries;
using HccOrleans.Grains.Interfaces.Reports;
using Npgsql;

namespace HccOrleans.Persistence.Queries;

/// <summary>
/// The read side on PostgreSQL: the index tables that the storage writes in each dossier write's own transaction
/// (<see cref="DossierIndexProjection"/>), and the outbox.
/// </summary>
public sealed class PostgresDossierQueries(NpgsqlDataSource database, string serviceId) : IDossierQueries
{
    private const string Columns = """
        code, version, status, step, handling_started, procedure_code, procedure_version, procedure_name, field,
        receiving_unit, handling_agency, step_agency, agencies, channel, applicant_name, submitted_at, received_at,
        due_at, step_due_at, rescheduled_due_at, completed_at, returned_at, completion, outcome, supplement_requests,
        paused_hours, apologized, resolution_hours, closed_at, online_level, due_history::text, rating, rated_at, step_started_at, assignee, handlers::text, figures::text
        """;

    public async Task<DossierPage> ListAsync(DossierQuery query)
    {
        var where = new StringBuilder("service_id = $1");
        var parameters = new List<object> { serviceId };
        void Add(string condition, object value)
        {
            parameters.Add(value);
            where.Append(" AND ").Append(condition.Replace("{p}", $"${parameters.Count}", StringComparison.Ordinal));
        }

        if (query.Status is { } status) Add("status = {p}", Word(status));
        if (query.Statuses is { } statuses) Add("status = ANY({p})", statuses.Select(Word).ToArray());
        if (query.Step is { } step) Add("step = {p}", Word(step));
        if (query.StepAgency is { } stepAgency) Add("step_agency = {p}", stepAgency);
        if (query.ReceivingUnit is { } unit) Add("receiving_unit = {p}", unit);
        if (query.Apologized is { } apologized) Add("apologized = {p}", apologized);
        if (query.DueFrom is { } dueFrom) Add("due_at >= {p}", dueFrom);
        if (query.Text is { } text) Add("(code ILIKE {p} OR applicant_name ILIKE {p})", $"%{EscapeLike(text)}%");
        if (query.Search is { Length: > 0 } words)
        {
            // Every word in one condition, so that one trigram index scan intersects them all (a subquery per word
            // made the planner walk the commonest word's rows: 1.9 s for a common full name at a million dossiers).
            var likes = new List<string>();
            foreach (var word in words)
            {
                parameters.Add($"%{EscapeLike(word)}%");
                likes.Add($"search_text LIKE ${parameters.Count}");
            }

            where.Append(" AND code IN (SELECT code FROM hcc_dossier_search WHERE service_id = $1 AND ").AppendJoin(" AND ", likes).Append(')');
        }

        if (query.Agency is { } agency) Add("agencies @> ARRAY[{p}]::text[]", agency);
        if (query.ScopeAgency is { } scope) Add("agencies @> ARRAY[{p}]::text[]", scope);
        if (query.Procedure is { } procedure) Add("procedure_code = {p}", procedure);
        if (query.Assignee is { } assignee) Add("assignee = {p}", assignee);
        if (query.Assigned is { } assigned) where.Append(assigned ? " AND assignee IS NOT NULL" : " AND assignee IS NULL");
        if (query.Channel is { } channel) Add("channel = {p}", Word(channel));
        if (query.Overdue == true) Add("status = 'processing' AND due_at < {p}", query.Now);
        if (query.Overdue == false) Add("NOT (status = 'processing' AND coalesce(due_at < {p}, false))", query.Now);
        if (query.DueBefore is { } dueBefore) Add("due_at < {p}", dueBefore);
        if (query.ReceivedFrom is { } from) Add("received_at >= {p}", from);
        if (query.ReceivedTo is { } to) Add("received_at < {p}", to);

        if (query.Search is { Length: > 0 } && query.Page == 1)
        {
            // A search reads every dossier it matches anyway (to put the newest first): counting them in the same
            // query halves its cost, which the trigram scan dominates.
            await using var found = database.CreateCommand(
                $"SELECT {Columns}, count(*) OVER () FROM hcc_dossier_index WHERE {where} ORDER BY {OrderBy(query)} LIMIT {query.PageSize}");
            Bind(found, parameters);
            long matched = 0;
            var items = await ReadAsync(found, reader => matched = reader.GetInt64(ColumnCount));
            return new DossierPage([.. items], 1, query.PageSize, matched);
        }

        await using var count = database.CreateCommand($"SELECT count(*) FROM hcc_dossier_index WHERE {where}");
        Bind(count, parameters);
        var total = (long)(await count.ExecuteScalarAsync())!;

        await using var page = database.CreateCommand(
            $"SELECT {Columns} FROM hcc_dossier_index WHERE {where} ORDER BY {OrderBy(query)} LIMIT {query.PageSize} OFFSET {(query.Page - 1) * query.PageSize}");
        Bind(page, parameters);
        return new DossierPage([.. await ReadAsync(page)], query.Page, query.PageSize, total);
    }

    /// <summary>The SQL of <see cref="DossierQuery.Order"/>: the sort key (missing ones last), then the code.</summary>
    private static string OrderBy(DossierQuery query)
    {
        var direction = query.Descending ? "DESC" : "ASC";
        var key = query.Sort switch
        {
            DossierSort.Due => "due_at",
            DossierSort.StepStarted => "step_started_at",
            DossierSort.Code => null,
            _ => "coalesce(received_at, submitted_at)",
        };
        return key is null ? $"code {direction}" : $"{key} {direction} NULLS LAST, code";
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    public async Task<IReadOnlyList<DossierSummary>> ReceivedBeforeAsync(DateTimeOffset to, string? agency)
    {
        await using var command = database.CreateCommand(
            $"SELECT {Columns} FROM hcc_dossier_index WHERE service_id = $1 AND received_at < $2 AND ($3::text IS NULL OR receiving_unit = $3 OR handling_agency = $3)");
        Bind(command, [serviceId, to, (object?)agency ?? DBNull.Value]);
        return await ReadAsync(command);
    }

    public Task<PeriodFacts> PeriodFactsAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? agency) =>
        PostgresPeriodFacts.ReadAsync(database, serviceId, from, to, now, agency);

    public Task<ThroughputBucket[]> ThroughputDaysAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? agency, TimeZoneInfo zone) =>
        PostgresDayCounts.ThroughputDaysAsync(database, serviceId, from, to, now, agency, zone);

    public Task<IReadOnlyDictionary<string, int>> DueSoonAsync(DateTimeOffset to, DateTimeOffset now, string? agency, DateTimeOffset soonUntil) =>
        PostgresDayCounts.DueSoonAsync(database, serviceId, to, now, agency, soonUntil);

    public async Task<IReadOnlyList<DossierSummary>> OverdueAsync(DateTimeOffset now, string? agency)
    {
        await using var command = database.CreateCommand(
            $"SELECT {Columns} FROM hcc_dossier_index WHERE service_id = $1 AND status = 'processing' AND due_at < $2 AND ($3::text IS NULL OR handling_agency = $3)");
        Bind(command, [serviceId, now, (object?)agency ?? DBNull.Value]);
        return await ReadAsync(command);
    }

    public async Task<IReadOnlyList<EscalationEntry>> EscalationsAsync(EscalationQuery query)
    {
        await using var command = database.CreateCommand("""
            SELECT dossier_code, key, kind, step, agency, due_at, fired_at, repeat FROM hcc_escalation_index
            WHERE service_id = $1 AND ($2::text IS NULL OR agency = $2) AND ($3::text IS NULL OR kind = $3)
              AND ($4::timestamptz IS NULL OR fired_at >= $4) AND ($5::timestamptz IS NULL OR fired_at < $5)
            ORDER BY fired_at, dossier_code, key
            LIMIT 10000
            """);
        Bind(command, [serviceId, (object?)query.Agency ?? DBNull.Value, query.Kind is { } kind ? Word(kind) : DBNull.Value,
            (object?)query.From ?? DBNull.Value, (object?)query.To ?? DBNull.Value]);
        var entries = new List<EscalationEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var code = reader.GetString(0);
            entries.Add(new EscalationEntry($"{code}/{reader.GetString(1)}", code, Parse<EscalationKind>(reader.GetString(2)),
                Parse<ProcessingStep>(reader.GetString(3)), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.GetInt32(7)));
        }

        return entries;
    }

    public async Task<IReadOnlyList<Notification>> NotificationsAsync(string? dossier, string? agency)
    {
        await using var command = database.CreateCommand("""
            SELECT id, dossier_code, kind, recipient_role, agency, due_at, fired_at, repeat, message, missed,
                   channel, address, subject, version, attempts, delivered_at, failed_at, last_error FROM hcc_outbox
            WHERE ($1::text IS NULL OR dossier_code = $1) AND ($2::text IS NULL OR agency = $2)
            ORDER BY fired_at, id
            LIMIT 10000
            """);
        Bind(command, [(object?)dossier ?? DBNull.Value, (object?)agency ?? DBNull.Value]);
        var notifications = new List<Notification>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var notification = new Notification(reader.GetString(0), reader.GetString(1), Parse<EscalationKind>(reader.GetString(2)),
                reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetInt32(7), reader.GetString(8), reader.GetInt32(9));
            notifications.Add(reader.IsDBNull(10) ? notification : notification with
            {
                Destination = new Destination(reader.GetString(10), reader.GetString(11), reader.GetString(12), reader.GetInt64(13)),
                Outcome = new DeliveryOutcome(
                    !reader.IsDBNull(15) ? DeliveryState.Sent : !reader.IsDBNull(16) ? DeliveryState.Failed : DeliveryState.Waiting,
                    reader.GetInt32(14), reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15), reader.IsDBNull(17) ? null : reader.GetString(17)),
            });
        }

        return notifications;
    }

    public async Task<IReadOnlyDictionary<string, int>> ProcedureUsageAsync(string receivingUnit, DateTimeOffset since)
    {
        await using var command = database.CreateCommand("""
            SELECT procedure_code, count(*)::int FROM hcc_dossier_index
            WHERE service_id = $1 AND received_at >= $2 AND receiving_unit = $3
            GROUP BY procedure_code
            """);
        Bind(command, [serviceId, since, receivingUnit]);
        var usage = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            usage[reader.GetString(0)] = reader.GetInt32(1);
        }

        return usage;
    }

    private static void Bind(NpgsqlCommand command, IEnumerable<object> values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value is DateTimeOffset instant ? instant.UtcDateTime : value });
        }
    }

    /// <summary>How many columns <see cref="Columns"/> lists: a query's own columns come after them.</summary>
    private const int ColumnCount = 37;

    private static async Task<List<DossierSummary>> ReadAsync(NpgsqlCommand command, Action<NpgsqlDataReader>? more = null)
    {
        var items = new List<DossierSummary>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            more?.Invoke(reader);
            DateTimeOffset? At(int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i);
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var status = Parse<DossierStatus>(reader.GetString(2));
            items.Add(new DossierSummary
            {
                Code = reader.GetString(0),
                Version = reader.GetInt64(1),
                Status = status,
                Step = Parse<ProcessingStep>(reader.GetString(3)),
                NationalStatusCode = NationalCodes.Of(status, reader.GetBoolean(4)),
                Procedure = new ProcedureRef(reader.GetString(5), reader.GetInt32(6), reader.GetString(7)),
                Field = reader.GetString(8),
                ReceivingUnit = reader.GetString(9),
                HandlingAgency = reader.GetString(10),
                StepAgency = Text(11),
                Agencies = reader.GetFieldValue<string[]>(12),
                Channel = Parse<FilingChannel>(reader.GetString(13)),
                ApplicantName = reader.GetString(14),
                SubmittedAt = reader.GetFieldValue<DateTimeOffset>(15),
                ReceivedAt = At(16),
                DueAt = At(17),
                StepDueAt = At(18),
                RescheduledDueAt = At(19),
                CompletedAt = At(20),
                ReturnedAt = At(21),
                Completion = Text(22) is { } completion ? Parse<CompletionClass>(completion) : null,
                Outcome = Text(23) is { } outcome ? Parse<DossierOutcome>(outcome) : null,
                SupplementRequests = reader.GetInt32(24),
                PausedWorkingHours = reader.GetDecimal(25),
                Apologized = reader.GetBoolean(26),
                ResolutionWorkingHours = reader.IsDBNull(27) ? null : reader.GetDecimal(27),
                ClosedAt = At(28),
                OnlineLevel = Parse<OnlineLevel>(reader.GetString(29)),
                DueHistory = JsonSerializer.Deserialize<DueChange[]>(reader.GetString(30), StoredJson.Options) ?? [],
                Rating = Text(31) is { } rating ? Parse<SatisfactionRating>(rating) : null,
                RatedAt = At(32),
                StepStartedAt = At(33),
                Assignee = Text(34),
                Handlers = JsonSerializer.Deserialize<StepHandler[]>(reader.GetString(35), StoredJson.Options) ?? [],
                Figures = Text(36) is { } figures ? JsonSerializer.Deserialize<DossierFigures>(figures, StoredJson.Options) : null,
            });
        }

        return items;
    }

    private static string Word<TEnum>(TEnum value)
        where TEnum : struct, Enum => EnumWords.Of(value);

    private static TEnum Parse<TEnum>(string word)
        where TEnum : struct, Enum => EnumWords.Parse<TEnum>(word);
}
