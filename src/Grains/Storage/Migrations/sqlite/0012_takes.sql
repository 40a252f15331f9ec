-- Every finished image, clip and narration of a scene is a take, with what made it; the scene
-- points at its active take of each kind (its image_file, video_file, audio_file are that take's).
CREATE TABLE takes (
    id                    TEXT    PRIMARY KEY,
    sentence_id           TEXT    NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    project_id            TEXT    NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    job_id                TEXT,
    kind                  INTEGER NOT NULL,
    file                  TEXT    NOT NULL,
    seed                  INTEGER,
    prompt                TEXT,
    camera_movement       INTEGER,
    motion_strength       REAL,
    source_image_take_id  TEXT,
    narration_seconds     REAL,
    workflow_name         TEXT,
    workflow_hash         TEXT,
    device                TEXT    NOT NULL,
    duration_seconds      REAL,
    created_at            INTEGER NOT NULL
);
CREATE INDEX ix_takes_sentence ON takes (sentence_id, kind, created_at);
CREATE INDEX ix_takes_file ON takes (file);

ALTER TABLE sentences ADD COLUMN image_take_id TEXT;
ALTER TABLE sentences ADD COLUMN video_take_id TEXT;
ALTER TABLE sentences ADD COLUMN audio_take_id TEXT;
-- The seed of the active image take, shown with the image.
ALTER TABLE sentences ADD COLUMN image_seed INTEGER;

-- An image job asked for as one of a scene's variations: its take does not replace the active image.
ALTER TABLE jobs ADD COLUMN variation INTEGER NOT NULL DEFAULT 0;
