-- The job queue and the device registry.
CREATE TABLE jobs (
    id                uuid     PRIMARY KEY,
    project_id        uuid     NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    sentence_id       uuid     REFERENCES sentences(id) ON DELETE CASCADE,
    kind              integer  NOT NULL,
    lane              integer  NOT NULL,
    status            integer  NOT NULL,
    priority          integer  NOT NULL,
    fair_seq          bigint   NOT NULL,
    batch_id          uuid,
    attempt           integer  NOT NULL,
    max_attempts      integer  NOT NULL,
    error             text,
    then_video        boolean  NOT NULL,
    skip_video        boolean  NOT NULL,
    seed              bigint,
    progress          double precision NOT NULL DEFAULT 0,
    step              text,
    device            text,
    silo              text,
    claim_token       uuid,
    lease_until       bigint,
    cancel_requested  boolean  NOT NULL DEFAULT false,
    not_before        bigint   NOT NULL DEFAULT 0,
    output            text,
    created_at        bigint   NOT NULL,
    started_at        bigint,
    finished_at       bigint
);
-- At most one running job per device lane, whatever any process does.
CREATE UNIQUE INDEX ux_jobs_running_lane ON jobs (device, lane) WHERE status = 1;
CREATE INDEX ix_jobs_queue ON jobs (lane, priority, fair_seq, created_at) WHERE status = 0;
CREATE INDEX ix_jobs_project_queue ON jobs (project_id, lane, fair_seq) WHERE status = 0;
CREATE INDEX ix_jobs_lease ON jobs (lease_until) WHERE status = 1;
CREATE INDEX ix_jobs_project ON jobs (project_id, status);
CREATE INDEX ix_jobs_sentence ON jobs (sentence_id, status);
-- Jobs churn: vacuum the queue table early so dead tuples do not slow the claim.
ALTER TABLE jobs SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);

CREATE TABLE devices (
    name        text     PRIMARY KEY,
    kind        integer  NOT NULL,
    lanes       text     NOT NULL,
    silo        text,
    status      integer  NOT NULL,
    last_seen   bigint,
    completed   bigint   NOT NULL DEFAULT 0,
    failed      bigint   NOT NULL DEFAULT 0
);
