-- Grain state. A row is one (service, state name, grain) and its version is the etag: a write names
-- the version it read and succeeds only if that is still the row's version, answering the new version;
-- otherwise it answers the version it was given (or null for a lost first write), which the provider
-- reports as an InconsistentStateException. The unique index makes two concurrent first writes of
-- the same grain collide instead of both inserting.
CREATE TABLE orleansstorage (
    grainidhash            integer       NOT NULL,
    grainidn0              bigint        NOT NULL,
    grainidn1              bigint        NOT NULL,
    graintypehash          integer       NOT NULL,
    graintypestring        varchar(512)  NOT NULL,
    grainidextensionstring varchar(512)  NULL,
    serviceid              varchar(150)  NOT NULL,
    payloadbinary          bytea         NULL,
    modifiedon             timestamp     NOT NULL,
    version                integer       NULL
);

CREATE INDEX ix_orleansstorage ON orleansstorage (grainidhash, graintypehash);

CREATE UNIQUE INDEX ux_orleansstorage_grain ON orleansstorage
    (serviceid, graintypehash, grainidhash, grainidn0, grainidn1, graintypestring, coalesce(grainidextensionstring, ''));

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
    SELECT payloadbinary, (now() at time zone 'utc') AS readat, version
    FROM orleansstorage
    WHERE serviceid = @ServiceId::varchar AND graintypehash = @GrainTypeHash::int AND grainidhash = @GrainIdHash::int
      AND grainidn0 = @GrainIdN0::bigint AND grainidn1 = @GrainIdN1::bigint AND graintypestring = @GrainTypeString::varchar
      AND coalesce(grainidextensionstring, '') = coalesce(@GrainIdExtensionString::varchar, '');
$q$),
('WriteToStorageKey', $q$
    WITH updated AS (
        UPDATE orleansstorage
        SET payloadbinary = @PayloadBinary::bytea, modifiedon = (now() at time zone 'utc'), version = version + 1
        WHERE @GrainStateVersion::int IS NOT NULL AND version = @GrainStateVersion::int
          AND serviceid = @ServiceId::varchar AND graintypehash = @GrainTypeHash::int AND grainidhash = @GrainIdHash::int
          AND grainidn0 = @GrainIdN0::bigint AND grainidn1 = @GrainIdN1::bigint AND graintypestring = @GrainTypeString::varchar
          AND coalesce(grainidextensionstring, '') = coalesce(@GrainIdExtensionString::varchar, '')
        RETURNING version),
    inserted AS (
        INSERT INTO orleansstorage
            (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring,
             serviceid, payloadbinary, modifiedon, version)
        SELECT @GrainIdHash::int, @GrainIdN0::bigint, @GrainIdN1::bigint, @GrainTypeHash::int, @GrainTypeString::varchar,
               @GrainIdExtensionString::varchar, @ServiceId::varchar, @PayloadBinary::bytea, (now() at time zone 'utc'), 1
        WHERE @GrainStateVersion::int IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version)
    SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted), @GrainStateVersion::int) AS newgrainstateversion;
$q$),
('ClearStorageKey', $q$
    UPDATE orleansstorage
    SET payloadbinary = NULL, version = version + 1
    WHERE version = @GrainStateVersion::int
      AND serviceid = @ServiceId::varchar AND graintypehash = @GrainTypeHash::int AND grainidhash = @GrainIdHash::int
      AND grainidn0 = @GrainIdN0::bigint AND grainidn1 = @GrainIdN1::bigint AND graintypestring = @GrainTypeString::varchar
      AND coalesce(grainidextensionstring, '') = coalesce(@GrainIdExtensionString::varchar, '')
    RETURNING version AS newgrainstateversion;
$q$),
('DeleteStorageKey', $q$
    DELETE FROM orleansstorage
    WHERE version = @GrainStateVersion::int
      AND serviceid = @ServiceId::varchar AND graintypehash = @GrainTypeHash::int AND grainidhash = @GrainIdHash::int
      AND grainidn0 = @GrainIdN0::bigint AND grainidn1 = @GrainIdN1::bigint AND graintypestring = @GrainTypeString::varchar
      AND coalesce(grainidextensionstring, '') = coalesce(@GrainIdExtensionString::varchar, '')
    RETURNING version + 1 AS newgrainstateversion;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
