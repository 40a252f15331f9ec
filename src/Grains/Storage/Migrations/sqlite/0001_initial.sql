-- Projects, their sections and sentences, and the event log live pages read.
CREATE TABLE projects (
    id            TEXT    PRIMARY KEY,
    name          TEXT    NOT NULL,
    aspect_ratio  INTEGER NOT NULL,
    style         TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

CREATE TABLE sections (
    id          TEXT    PRIMARY KEY,
    project_id  TEXT    NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    UNIQUE (project_id, idx)
);

CREATE TABLE sentences (
    id               TEXT    PRIMARY KEY,
    project_id       TEXT    NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    section_id       TEXT    NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    idx              INTEGER NOT NULL,
    text             TEXT    NOT NULL,
    image_prompt     TEXT    NOT NULL,
    video_prompt     TEXT    NOT NULL,
    camera_movement  INTEGER NOT NULL,
    motion_strength  REAL    NOT NULL CHECK (motion_strength BETWEEN 0 AND 1),
    seed             INTEGER,
    image_file       TEXT,
    video_file       TEXT,
    audio_file       TEXT,
    audio_duration   REAL,
    is_image_dirty   INTEGER NOT NULL,
    is_video_dirty   INTEGER NOT NULL,
    is_audio_dirty   INTEGER NOT NULL,
    image_status     INTEGER NOT NULL,
    video_status     INTEGER NOT NULL,
    audio_status     INTEGER NOT NULL,
    last_error       TEXT,
    updated_at       INTEGER NOT NULL,
    version          INTEGER NOT NULL,
    UNIQUE (section_id, idx)
);
CREATE INDEX ix_sentences_project ON sentences (project_id);

CREATE TABLE events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id  TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    entity_id   TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX ix_events_project ON events (project_id, id);
