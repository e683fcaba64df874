-- Reminders. The version is the etag: an upsert answers the new version, a delete succeeds only
-- for the version the caller holds. Range reads select by grain hash, wrapping around when the
-- silo's range crosses the end of the ring.
CREATE TABLE orleansreminderstable (
    serviceid    varchar(150)   NOT NULL,
    grainid      varchar(150)   NOT NULL,
    remindername varchar(150)   NOT NULL,
    starttime    timestamptz(3) NOT NULL,
    period       bigint         NOT NULL,
    grainhash    integer        NOT NULL,
    version      integer        NOT NULL,
    PRIMARY KEY (serviceid, grainid, remindername)
);

CREATE INDEX ix_orleansreminderstable_hash ON orleansreminderstable (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('UpsertReminderRowKey', $q$
    INSERT INTO orleansreminderstable AS r (serviceid, grainid, remindername, starttime, period, grainhash, version)
    VALUES (@ServiceId::varchar, @GrainId::varchar, @ReminderName::varchar, @StartTime::timestamptz, @Period::bigint, @GrainHash::int, 0)
    ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
    SET starttime = excluded.starttime, period = excluded.period, grainhash = excluded.grainhash, version = r.version + 1
    RETURNING r.version AS version;
$q$),
('ReadReminderRowsKey', $q$
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId::varchar AND grainid = @GrainId::varchar;
$q$),
('ReadReminderRowKey', $q$
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId::varchar AND grainid = @GrainId::varchar AND remindername = @ReminderName::varchar;
$q$),
('ReadRangeRows1Key', $q$
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId::varchar AND grainhash > @BeginHash::int AND grainhash <= @EndHash::int;
$q$),
('ReadRangeRows2Key', $q$
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId::varchar AND (grainhash > @BeginHash::int OR grainhash <= @EndHash::int);
$q$),
('DeleteReminderRowKey', $q$
    WITH removed AS (
        DELETE FROM orleansreminderstable
        WHERE serviceid = @ServiceId::varchar AND grainid = @GrainId::varchar
          AND remindername = @ReminderName::varchar AND version = @Version::int
        RETURNING 1)
    SELECT count(*)::int FROM removed;
$q$),
('DeleteReminderRowsKey', $q$
    DELETE FROM orleansreminderstable WHERE serviceid = @ServiceId::varchar;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
