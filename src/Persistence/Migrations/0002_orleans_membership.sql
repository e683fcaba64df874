-- Cluster membership. Every change to a silo row bumps the deployment's version row in the same
-- statement, and only when the caller's version is current: the optimistic protocol of Orleans'
-- membership table. Boolean answers are row counts (> 0 is true).
CREATE TABLE orleansmembershipversiontable (
    deploymentid varchar(150)   NOT NULL PRIMARY KEY,
    timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    version      integer        NOT NULL DEFAULT 0
);

CREATE TABLE orleansmembershiptable (
    deploymentid varchar(150)   NOT NULL REFERENCES orleansmembershipversiontable (deploymentid),
    address      varchar(45)    NOT NULL,
    port         integer        NOT NULL,
    generation   integer        NOT NULL,
    siloname     varchar(150)   NOT NULL,
    hostname     varchar(150)   NOT NULL,
    status       integer        NOT NULL,
    proxyport    integer        NULL,
    suspecttimes varchar(8000)  NULL,
    starttime    timestamptz(3) NOT NULL,
    iamalivetime timestamptz(3) NOT NULL,
    PRIMARY KEY (deploymentid, address, port, generation)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', $q$
    WITH created AS (
        INSERT INTO orleansmembershipversiontable (deploymentid)
        VALUES (@DeploymentId::varchar)
        ON CONFLICT (deploymentid) DO NOTHING
        RETURNING 1)
    SELECT count(*)::int FROM created;
$q$),
('InsertMembershipKey', $q$
    WITH current_version AS (
        SELECT deploymentid FROM orleansmembershipversiontable
        WHERE deploymentid = @DeploymentId::varchar AND version = @Version::int
        FOR UPDATE),
    added AS (
        INSERT INTO orleansmembershiptable
            (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
        SELECT deploymentid, @Address::varchar, @Port::int, @Generation::int, @SiloName::varchar, @HostName::varchar,
               @Status::int, @ProxyPort::int, @StartTime::timestamptz, @IAmAliveTime::timestamptz
        FROM current_version
        ON CONFLICT (deploymentid, address, port, generation) DO NOTHING
        RETURNING deploymentid),
    bumped AS (
        UPDATE orleansmembershipversiontable v
        SET version = v.version + 1, timestamp = now()
        FROM added WHERE v.deploymentid = added.deploymentid
        RETURNING 1)
    SELECT count(*)::int FROM bumped;
$q$),
('UpdateMembershipKey', $q$
    WITH current_version AS (
        SELECT deploymentid FROM orleansmembershipversiontable
        WHERE deploymentid = @DeploymentId::varchar AND version = @Version::int
        FOR UPDATE),
    changed AS (
        UPDATE orleansmembershiptable m
        SET status = @Status::int, suspecttimes = @SuspectTimes::varchar, iamalivetime = @IAmAliveTime::timestamptz
        FROM current_version
        WHERE m.deploymentid = current_version.deploymentid
          AND m.address = @Address::varchar AND m.port = @Port::int AND m.generation = @Generation::int
        RETURNING m.deploymentid),
    bumped AS (
        UPDATE orleansmembershipversiontable v
        SET version = v.version + 1, timestamp = now()
        WHERE v.deploymentid IN (SELECT deploymentid FROM changed)
        RETURNING 1)
    SELECT count(*)::int FROM bumped;
$q$),
('UpdateIAmAlivetimeKey', $q$
    UPDATE orleansmembershiptable
    SET iamalivetime = @IAmAliveTime::timestamptz
    WHERE deploymentid = @DeploymentId::varchar AND address = @Address::varchar
      AND port = @Port::int AND generation = @Generation::int;
$q$),
('MembershipReadRowKey', $q$
    SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
           m.suspecttimes, m.starttime, m.iamalivetime, v.version
    FROM orleansmembershipversiontable v
    LEFT JOIN orleansmembershiptable m
           ON m.deploymentid = v.deploymentid
          AND m.address = @Address::varchar AND m.port = @Port::int AND m.generation = @Generation::int
    WHERE v.deploymentid = @DeploymentId::varchar;
$q$),
('MembershipReadAllKey', $q$
    SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
           m.suspecttimes, m.starttime, m.iamalivetime, v.version
    FROM orleansmembershipversiontable v
    LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
    WHERE v.deploymentid = @DeploymentId::varchar;
$q$),
('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId::varchar;
    DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId::varchar;
$q$),
('GatewaysQueryKey', $q$
    SELECT address, proxyport, generation
    FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId::varchar AND status = @Status::int AND proxyport > 0;
$q$),
('CleanupDefunctSiloEntriesKey', $q$
    -- Silos that stopped refreshing before the cut-off and are not Active (3).
    DELETE FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId::varchar AND iamalivetime < @IAmAliveTime::timestamptz AND status <> 3;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
