-- Live pages follow one project's events over an Orleans stream, in the order they committed,
-- and must notice a message that never came. A position (tx-led) grows in the order events
-- become readable for the whole log, but two transactions of one project can commit in the other
-- order than their positions. So each project numbers its events itself: seq is 1, 2, 3, ... per
-- project with no hole, handed out from event_heads in the committing transaction, whose row lock
-- makes the next number wait for this commit (a rollback gives its numbers back).
ALTER TABLE events ADD COLUMN seq bigint;
UPDATE events e SET seq = numbered.seq
FROM (SELECT id, row_number() OVER (PARTITION BY project_id ORDER BY pos) AS seq FROM events) numbered
WHERE e.id = numbered.id;
ALTER TABLE events ALTER COLUMN seq SET NOT NULL;
CREATE UNIQUE INDEX ix_events_project_seq ON events (project_id, seq);

CREATE TABLE event_heads (
    project_id uuid PRIMARY KEY,
    seq bigint NOT NULL
);
INSERT INTO event_heads (project_id, seq) SELECT project_id, max(seq) FROM events GROUP BY project_id;

-- Orleans' ADO.NET grain storage holds the stream pub-sub state (who listens to which project's
-- stream) when web nodes and silos form a cluster, so a silo's death does not forget them. The
-- provider reads its four statements from OrleansQuery by key, binds @GrainIdHash, @GrainIdN0,
-- @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId,
-- @GrainStateVersion and @PayloadBinary by name, and reads PayloadBinary, Version and
-- NewGrainStateVersion by name (the clear and delete answers by position): that is its contract.
CREATE TABLE orleans_grain_state (
    service_id varchar(150) NOT NULL,
    grain_type varchar(512) NOT NULL,
    grain_id_n0 bigint NOT NULL,
    grain_id_n1 bigint NOT NULL,
    grain_id_extension varchar(512) NOT NULL DEFAULT '',
    payload bytea,
    version integer NOT NULL,
    modified_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $sql$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_grain_state
WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension = COALESCE(@GrainIdExtensionString, '')
$sql$),

-- A state never read (no version) is inserted unless a row exists; a state read at a version is
-- replaced only at that version. Either way no row comes back on a conflict, and the provider
-- then throws InconsistentStateException.
('WriteToStorageKey', $sql$
WITH updated AS (
    UPDATE orleans_grain_state
    SET payload = @PayloadBinary, version = version + 1, modified_at = now()
    WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension = COALESCE(@GrainIdExtensionString, '')
      AND version = @GrainStateVersion
    RETURNING version),
inserted AS (
    INSERT INTO orleans_grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''), @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted
$sql$),

('ClearStorageKey', $sql$
UPDATE orleans_grain_state
SET payload = NULL, version = version + 1, modified_at = now()
WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension = COALESCE(@GrainIdExtensionString, '')
  AND version = @GrainStateVersion
RETURNING version
$sql$),

('DeleteStorageKey', $sql$
DELETE FROM orleans_grain_state
WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension = COALESCE(@GrainIdExtensionString, '')
  AND version = @GrainStateVersion
RETURNING version + 1
$sql$);
