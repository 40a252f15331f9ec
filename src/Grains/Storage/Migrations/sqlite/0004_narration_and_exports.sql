-- Narration settings of a project, and its final cuts (exports). An export belongs to its
-- owner through its project; its status and progress mirror its job, written in the same
-- transaction as every change of that job.
ALTER TABLE projects ADD COLUMN narration_voice TEXT;
ALTER TABLE projects ADD COLUMN narration_speed REAL NOT NULL DEFAULT 1.0 CHECK (narration_speed BETWEEN 0.5 AND 2.0);

CREATE TABLE exports (
    id              TEXT    PRIMARY KEY,
    project_id      TEXT    NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    job_id          TEXT    NOT NULL UNIQUE REFERENCES jobs(id) ON DELETE CASCADE,
    status          INTEGER NOT NULL,
    progress        REAL    NOT NULL DEFAULT 0,
    width           INTEGER NOT NULL,
    height          INTEGER NOT NULL,
    fps             INTEGER NOT NULL,
    transitions     INTEGER NOT NULL,
    subtitles       INTEGER NOT NULL,
    file            TEXT,
    thumbnail       TEXT,
    subtitles_file  TEXT,
    duration        REAL,
    error           TEXT,
    created_at      INTEGER NOT NULL,
    started_at      INTEGER,
    finished_at     INTEGER
);
CREATE INDEX ix_exports_project ON exports (project_id, created_at);
