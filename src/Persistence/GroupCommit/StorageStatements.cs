namespace HccOrleans.Persistence.GroupCommit;

/// <summary>
/// The group-commit provider's SQL over the ADO.NET provider's table (migration 0003), with the same version rule: a
/// write names the version it read (none for a first write) and succeeds only if that is still the row's version.
/// Each statement takes a whole batch as arrays ($1–$7: the row keys and each item's ordinal; $8: the service id) and
/// answers per ordinal.
/// </summary>
/// <remarks>
/// Rows are found item by item through the unique key (a lateral lookup that LIMIT keeps from being flattened into a
/// join the planner could turn around, then the row by its physical address), so a plan made while the table was
/// small stays right when it holds millions; the loops' sessions also rule out sequential scans (<see cref="BatchLoop{T}"/>).
/// </remarks>
internal static class StorageStatements
{
    private const string Keys = "$1::int[], $2::bigint[], $3::bigint[], $4::int[], $5::text[], $6::text[], $7::int[]";

    private const string KeyColumns = "grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring, ord";

    private const string SameRow = """
        s.serviceid = $8 AND s.graintypehash = i.graintypehash AND s.grainidhash = i.grainidhash
        AND s.grainidn0 = i.grainidn0 AND s.grainidn1 = i.grainidn1 AND s.graintypestring = i.graintypestring
        AND coalesce(s.grainidextensionstring, '') = coalesce(i.grainidextensionstring, '')
        """;

    /// <summary>Rows answered: (ordinal, payload, version) for each key that has a row.</summary>
    public const string Read = $"""
        SELECT i.ord, s.payloadbinary, s.version
        FROM unnest({Keys}) AS i({KeyColumns})
        CROSS JOIN LATERAL (SELECT s.payloadbinary, s.version FROM orleansstorage s WHERE {SameRow} LIMIT 1) s
        """;

    /// <summary>
    /// $9 and $10 are each write's expected version (null: a first write) and payload. Rows answered: (ordinal, new
    /// version) for each write that took; a write without a row lost to another writer (the version moved on, or a
    /// first write found the row already there).
    /// </summary>
    public const string Write = $"""
        {Writes}
        SELECT ord, version FROM written
        """;

    /// <summary>
    /// <see cref="Write"/>, except that a batch in which any write lost fails with <see cref="LostVersionCheck"/>
    /// (migration 0018) and so stores nothing: what follows it in the same transaction may rely on every write having
    /// taken.
    /// </summary>
    public const string WriteEvery = $"""
        {Writes}
        SELECT ord, version FROM written
        UNION ALL
        SELECT NULL, NULL FROM (SELECT count(*) AS took FROM written) w WHERE NOT hcc_every_write_took(w.took, cardinality($7::int[]))
        """;

    /// <summary>The SQLSTATE of <see cref="WriteEvery"/> when a write of its batch lost its version check.</summary>
    public const string LostVersionCheck = "HC409";

    private const string Writes = $"""
        WITH i AS (
            SELECT * FROM unnest({Keys}, $9::int[], $10::bytea[]) AS i({KeyColumns}, expected, payload)),
        found AS (
            SELECT i.ord, i.expected, i.payload, f.row_id
            FROM i CROSS JOIN LATERAL (
                SELECT s.ctid AS row_id FROM orleansstorage s WHERE {SameRow} AND s.version = i.expected LIMIT 1 FOR UPDATE) f
            WHERE i.expected IS NOT NULL),
        updated AS (
            UPDATE orleansstorage s
            SET payloadbinary = found.payload, modifiedon = (now() at time zone 'utc'), version = s.version + 1
            FROM found
            WHERE s.ctid = found.row_id AND s.version = found.expected
            RETURNING found.ord, s.version),
        inserted AS (
            INSERT INTO orleansstorage
                (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring,
                 serviceid, payloadbinary, modifiedon, version)
            SELECT i.grainidhash, i.grainidn0, i.grainidn1, i.graintypehash, i.graintypestring, i.grainidextensionstring,
                   $8, i.payload, (now() at time zone 'utc'), 1
            FROM i
            WHERE i.expected IS NULL
            ORDER BY i.graintypehash, i.grainidhash, i.grainidextensionstring
            ON CONFLICT DO NOTHING
            RETURNING serviceid, grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring, version),
        written AS (
            SELECT ord, version FROM updated
            UNION ALL
            SELECT i.ord, s.version FROM inserted s JOIN i ON {SameRow})
        """;

    /// <summary>$9 is the expected version. Rows answered: (ordinal, new version) when the version was still that.</summary>
    public const string Clear = $"""
        UPDATE orleansstorage s
        SET payloadbinary = NULL, modifiedon = (now() at time zone 'utc'), version = s.version + 1
        FROM unnest({Keys}, $9::int[]) AS i({KeyColumns}, expected)
        WHERE s.version = i.expected AND {SameRow}
        RETURNING i.ord, s.version
        """;
}
