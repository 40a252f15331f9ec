-- Orleans' ADO.NET membership on the studio's own database: web nodes and silos of one cluster
-- find each other here. The provider reads every statement it runs from OrleansQuery by key,
-- binds its parameters by name (@DeploymentId is the cluster id) and reads result columns by
-- name, so the query keys, parameter names and column aliases below are its contract; the tables
-- behind them are ours.

-- The provider selects "QueryKey, QueryText FROM OrleansQuery": these names are fixed.
CREATE TABLE OrleansQuery (
    QueryKey varchar(64) PRIMARY KEY,
    QueryText text NOT NULL
);

-- One row per cluster. Every membership change must name the version it read and bumps it,
-- so two silos changing the table at once cannot both win.
CREATE TABLE orleans_membership_version (
    cluster_id varchar(150) PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    changed_at timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation: a restarted silo at the same address and port comes back with
-- a new generation and a new row. status is Orleans' SiloStatus (3 = Active, 6 = Dead);
-- suspect_times lists who suspected this silo when, as the provider writes it.
CREATE TABLE orleans_membership (
    cluster_id varchar(150) NOT NULL REFERENCES orleans_membership_version (cluster_id) ON DELETE CASCADE,
    address varchar(45) NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    silo_name varchar(150) NOT NULL,
    host_name varchar(150) NOT NULL,
    status integer NOT NULL,
    proxy_port integer,
    suspect_times text,
    start_time timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (cluster_id, address, port, generation)
);

-- A cluster's version with its silos (all of them when silo_address is NULL, else the one
-- incarnation named), under the column names the provider reads.
CREATE FUNCTION orleans_membership_rows(cluster varchar, silo_address varchar, silo_port integer, silo_generation integer)
RETURNS TABLE ("Address" varchar, "Port" integer, "Generation" integer, "SiloName" varchar, "HostName" varchar,
               "Status" integer, "ProxyPort" integer, "SuspectTimes" text, "StartTime" timestamptz,
               "IAmAliveTime" timestamptz, "Version" integer)
LANGUAGE sql STABLE AS $fn$
SELECT m.address, m.port, m.generation, m.silo_name, m.host_name, m.status, m.proxy_port,
       m.suspect_times, m.start_time, m.i_am_alive_time, v.version
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.cluster_id = v.cluster_id
      AND (silo_address IS NULL OR (m.address = silo_address AND m.port = silo_port AND m.generation = silo_generation))
WHERE v.cluster_id = cluster
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
-- Answers whether this call created the cluster's version row (false when it already existed).
('InsertMembershipVersionKey', $sql$
WITH created AS (
    INSERT INTO orleans_membership_version (cluster_id) VALUES (@DeploymentId)
    ON CONFLICT (cluster_id) DO NOTHING
    RETURNING cluster_id)
SELECT count(*) > 0 FROM created
$sql$),

-- Both reads answer one row at least (the version, with NULL silo columns when there is no
-- such silo): the provider takes the table version from the first row.
('MembershipReadAllKey', $sql$
SELECT * FROM orleans_membership_rows(@DeploymentId, NULL, NULL, NULL)
$sql$),

('MembershipReadRowKey', $sql$
SELECT * FROM orleans_membership_rows(@DeploymentId, @Address, @Port, @Generation)
$sql$),

-- The version row is locked first: a writer that waited for another one sees the bumped
-- version, fails the check and changes nothing. The answer is true only when the row was
-- written and the version bumped, in this one statement.
('InsertMembershipKey', $sql$
WITH current_version AS (
    SELECT cluster_id FROM orleans_membership_version
    WHERE cluster_id = @DeploymentId AND version = @Version
    FOR UPDATE),
inserted AS (
    INSERT INTO orleans_membership (cluster_id, address, port, generation, silo_name, host_name,
                                    status, proxy_port, start_time, i_am_alive_time)
    SELECT cluster_id, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM current_version
    ON CONFLICT (cluster_id, address, port, generation) DO NOTHING
    RETURNING cluster_id),
bumped AS (
    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
    WHERE cluster_id IN (SELECT cluster_id FROM inserted)
    RETURNING cluster_id)
SELECT count(*) > 0 FROM bumped
$sql$),

('UpdateMembershipKey', $sql$
WITH current_version AS (
    SELECT cluster_id FROM orleans_membership_version
    WHERE cluster_id = @DeploymentId AND version = @Version
    FOR UPDATE),
changed AS (
    UPDATE orleans_membership m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM current_version c
    WHERE m.cluster_id = c.cluster_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING m.cluster_id),
bumped AS (
    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
    WHERE cluster_id IN (SELECT cluster_id FROM changed)
    RETURNING cluster_id)
SELECT count(*) > 0 FROM bumped
$sql$),

-- A heartbeat: it needs no version check, and the provider does not read an answer.
('UpdateIAmAlivetimeKey', $sql$
UPDATE orleans_membership SET i_am_alive_time = @IAmAliveTime
WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$sql$),

-- The silo rows go with their version row (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM orleans_membership_version WHERE cluster_id = @DeploymentId
$sql$),

-- Where Orleans clients connect: the gateways of silos in the status asked for (Active).
('GatewaysQueryKey', $sql$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership
WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0
$sql$),

-- Rows of silos that are not Active and have not reported since the given time.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM orleans_membership
WHERE cluster_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> 3
$sql$);
