-- CopLive cluster membership for PostgreSQL: the query contract of Orleans' ADO.NET clustering.
-- Silos and gateways (as Orleans clients) of one deployment share these two tables. The table version is
-- optimistic concurrency for the whole membership: every change must name the version it read, and bumps it.

CREATE TABLE IF NOT EXISTS orleansmembershipversiontable
(
    deploymentid varchar(150) NOT NULL PRIMARY KEY,
    timestamp    timestamptz  NOT NULL DEFAULT now(),
    version      integer      NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS orleansmembershiptable
(
    deploymentid varchar(150)  NOT NULL REFERENCES orleansmembershipversiontable (deploymentid),
    address      varchar(45)   NOT NULL,
    port         integer       NOT NULL,
    generation   integer       NOT NULL,
    siloname     varchar(150)  NOT NULL,
    hostname     varchar(150)  NOT NULL,
    status       integer       NOT NULL,
    proxyport    integer       NULL,
    suspecttimes varchar(8000) NULL,
    starttime    timestamptz   NOT NULL,
    iamalivetime timestamptz   NOT NULL,
    PRIMARY KEY (deploymentid, address, port, generation)
);

-- Locking the version row (only while it still has the expected version) serialises membership changes;
-- under READ COMMITTED a waiter re-reads the row and finds the version moved on, so it reports failure
-- without having changed anything.
CREATE OR REPLACE FUNCTION coplive_insert_membership(
    p_deployment text, p_address text, p_port integer, p_generation integer, p_silo_name text, p_host_name text,
    p_status integer, p_proxy_port integer, p_start timestamptz, p_alive timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM orleansmembershipversiontable
    WHERE deploymentid = p_deployment AND version = p_version
    FOR UPDATE;
    IF NOT FOUND THEN RETURN 0; END IF;

    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
    VALUES (p_deployment, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port, p_start, p_alive)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN RETURN 0; END IF;

    UPDATE orleansmembershipversiontable SET version = version + 1, timestamp = now() WHERE deploymentid = p_deployment;
    RETURN 1;
END
$$;

CREATE OR REPLACE FUNCTION coplive_update_membership(
    p_deployment text, p_address text, p_port integer, p_generation integer, p_status integer,
    p_suspect_times text, p_alive timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM orleansmembershipversiontable
    WHERE deploymentid = p_deployment AND version = p_version
    FOR UPDATE;
    IF NOT FOUND THEN RETURN 0; END IF;

    UPDATE orleansmembershiptable
    SET status = p_status, suspecttimes = p_suspect_times, iamalivetime = p_alive
    WHERE deploymentid = p_deployment AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN RETURN 0; END IF;

    UPDATE orleansmembershipversiontable SET version = version + 1, timestamp = now() WHERE deploymentid = p_deployment;
    RETURN 1;
END
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipVersionKey', '
    WITH inserted AS (
        INSERT INTO orleansmembershipversiontable (deploymentid) VALUES (@DeploymentId)
        ON CONFLICT DO NOTHING
        RETURNING 1
    )
    SELECT count(*)::integer FROM inserted;
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipKey', '
    SELECT coplive_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                                     @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateMembershipKey', '
    SELECT coplive_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status,
                                     @SuspectTimes::text, @IAmAliveTime, @Version);
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateIAmAlivetimeKey', '
    UPDATE orleansmembershiptable SET iamalivetime = @IAmAliveTime
    WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- The version row comes back even when the silo has no row yet: Orleans reads the table version from it.
INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadRowKey', '
    SELECT v.deploymentid AS "DeploymentId", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.siloname AS "SiloName", m.hostname AS "HostName", m.status AS "Status", m.proxyport AS "ProxyPort",
           m.suspecttimes AS "SuspectTimes", m.starttime AS "StartTime", m.iamalivetime AS "IAmAliveTime",
           v.version AS "Version"
    FROM orleansmembershipversiontable v
    LEFT JOIN orleansmembershiptable m
           ON m.deploymentid = v.deploymentid
          AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    WHERE v.deploymentid = @DeploymentId;
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadAllKey', '
    SELECT v.deploymentid AS "DeploymentId", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.siloname AS "SiloName", m.hostname AS "HostName", m.status AS "Status", m.proxyport AS "ProxyPort",
           m.suspecttimes AS "SuspectTimes", m.starttime AS "StartTime", m.iamalivetime AS "IAmAliveTime",
           v.version AS "Version"
    FROM orleansmembershipversiontable v
    LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
    WHERE v.deploymentid = @DeploymentId;
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteMembershipTableEntriesKey', '
    DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId;
    DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId;
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('GatewaysQueryKey', '
    SELECT address AS "Address", proxyport AS "ProxyPort", generation AS "Generation"
    FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0;
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- Removes rows of silos that stopped reporting before the cut-off and are not active (3 = SiloStatus.Active).
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntriesKey', '
    DELETE FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId AND iamalivetime < @IAmAliveTime AND status <> 3;
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
