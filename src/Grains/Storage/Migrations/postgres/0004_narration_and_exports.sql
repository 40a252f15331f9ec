-- Narration settings of a project, and its final cuts (exports). An export belongs to its
-- owner through its project; its status and progress mirror its job, written in the same
-- transaction as every change of that job.
ALTER TABLE projects ADD COLUMN narration_voice text;
ALTER TABLE projects ADD COLUMN narration_speed double precision NOT NULL DEFAULT 1.0 CHECK (narration_speed BETWEEN 0.5 AND 2.0);

CREATE TABLE exports (
    id              uuid     PRIMARY KEY,
    project_id      uuid     NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    job_id          uuid     NOT NULL UNIQUE REFERENCES jobs(id) ON DELETE CASCADE,
    status          integer  NOT NULL,
    progress        double precision NOT NULL DEFAULT 0,
    width           integer  NOT NULL,
    height          integer  NOT NULL,
    fps             integer  NOT NULL,
    transitions     integer  NOT NULL,
    subtitles       boolean  NOT NULL,
    file            text,
    thumbnail       text,
    subtitles_file  text,
    duration        double precision,
    error           text,
    created_at      bigint   NOT NULL,
    started_at      bigint,
    finished_at     bigint
);
CREATE INDEX ix_exports_project ON exports (project_id, created_at);
