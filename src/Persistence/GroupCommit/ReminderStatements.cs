namespace HccOrleans.Persistence.GroupCommit;

/// <summary>The statements of the group-commit reminder table (Silo/Providers/GroupCommitReminderTable.cs).</summary>
internal static class ReminderStatements
{
    /// <summary>
    /// The ADO.NET provider's upsert (UpsertReminderRowKey) over a whole batch: $1 the service id, then one array per
    /// column. Rows answered: (grain id, reminder name, new version).
    /// </summary>
    public const string Upsert = """
        INSERT INTO orleansreminderstable AS r (serviceid, grainid, remindername, starttime, period, grainhash, version)
        SELECT $1, u.grainid, u.remindername, u.starttime, u.period, u.grainhash, 0
        FROM unnest($2::varchar[], $3::varchar[], $4::timestamptz[], $5::bigint[], $6::int[]) AS u(grainid, remindername, starttime, period, grainhash)
        ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
        SET starttime = excluded.starttime, period = excluded.period, grainhash = excluded.grainhash, version = r.version + 1
        RETURNING r.grainid, r.remindername, r.version
        """;
}
