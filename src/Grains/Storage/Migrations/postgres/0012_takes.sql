-- Every finished image, clip and narration of a scene is a take, with what made it; the scene
-- points at its active take of each kind (its image_file, video_file, audio_file are that take's).
CREATE TABLE takes (
    id                    uuid    PRIMARY KEY,
    sentence_id           uuid    NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    project_id            uuid    NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    job_id                uuid,
    kind                  integer NOT NULL,
    file                  text    NOT NULL,
    seed                  bigint,
    prompt                text,
    camera_movement       integer,
    motion_strength       double precision,
    source_image_take_id  uuid,
    narration_seconds     double precision,
    workflow_name         text,
    workflow_hash         text,
    device                text    NOT NULL,
    duration_seconds      double precision,
    created_at            bigint  NOT NULL
);
CREATE INDEX ix_takes_sentence ON takes (sentence_id, kind, created_at);
CREATE INDEX ix_takes_file ON takes (file);

ALTER TABLE sentences ADD COLUMN image_take_id uuid;
ALTER TABLE sentences ADD COLUMN video_take_id uuid;
ALTER TABLE sentences ADD COLUMN audio_take_id uuid;
-- The seed of the active image take, shown with the image.
ALTER TABLE sentences ADD COLUMN image_seed bigint;

-- An image job asked for as one of a scene's variations: its take does not replace the active image.
ALTER TABLE jobs ADD COLUMN variation boolean NOT NULL DEFAULT false;
