-- The job queue and the device registry.
CREATE TABLE jobs (
    id                TEXT    PRIMARY KEY,
    project_id        TEXT    NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    sentence_id       TEXT    REFERENCES sentences(id) ON DELETE CASCADE,
    kind              INTEGER NOT NULL,
    lane              INTEGER NOT NULL,
    status            INTEGER NOT NULL,
    priority          INTEGER NOT NULL,
    fair_seq          INTEGER NOT NULL,
    batch_id          TEXT,
    attempt           INTEGER NOT NULL,
    max_attempts      INTEGER NOT NULL,
    error             TEXT,
    then_video        INTEGER NOT NULL,
    skip_video        INTEGER NOT NULL,
    seed              INTEGER,
    progress          REAL    NOT NULL DEFAULT 0,
    step              TEXT,
    device            TEXT,
    silo              TEXT,
    claim_token       TEXT,
    lease_until       INTEGER,
    cancel_requested  INTEGER NOT NULL DEFAULT 0,
    not_before        INTEGER NOT NULL DEFAULT 0,
    output            TEXT,
    created_at        INTEGER NOT NULL,
    started_at        INTEGER,
    finished_at       INTEGER
);
-- At most one running job per device lane, whatever any process does.
CREATE UNIQUE INDEX ux_jobs_running_lane ON jobs (device, lane) WHERE status = 1;
CREATE INDEX ix_jobs_queue ON jobs (lane, priority, fair_seq, created_at) WHERE status = 0;
CREATE INDEX ix_jobs_project_queue ON jobs (project_id, lane, fair_seq) WHERE status = 0;
CREATE INDEX ix_jobs_lease ON jobs (lease_until) WHERE status = 1;
CREATE INDEX ix_jobs_project ON jobs (project_id, status);
CREATE INDEX ix_jobs_sentence ON jobs (sentence_id, status);

CREATE TABLE devices (
    name        TEXT    PRIMARY KEY,
    kind        INTEGER NOT NULL,
    lanes       TEXT    NOT NULL,
    silo        TEXT,
    status      INTEGER NOT NULL,
    last_seen   INTEGER,
    completed   INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0
);
