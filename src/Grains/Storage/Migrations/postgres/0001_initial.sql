-- Projects, their sections and sentences, and the event log live pages read.
CREATE TABLE projects (
    id            uuid    PRIMARY KEY,
    name          text    NOT NULL,
    aspect_ratio  integer NOT NULL,
    style         text    NOT NULL,
    created_at    bigint  NOT NULL,
    updated_at    bigint  NOT NULL
);

CREATE TABLE sections (
    id          uuid    PRIMARY KEY,
    project_id  uuid    NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    idx         integer NOT NULL,
    title       text    NOT NULL,
    UNIQUE (project_id, idx)
);

CREATE TABLE sentences (
    id               uuid     PRIMARY KEY,
    project_id       uuid     NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    section_id       uuid     NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    idx              integer  NOT NULL,
    text             text     NOT NULL,
    image_prompt     text     NOT NULL,
    video_prompt     text     NOT NULL,
    camera_movement  integer  NOT NULL,
    motion_strength  double precision NOT NULL CHECK (motion_strength BETWEEN 0 AND 1),
    seed             bigint,
    image_file       text,
    video_file       text,
    audio_file       text,
    audio_duration   double precision,
    is_image_dirty   boolean  NOT NULL,
    is_video_dirty   boolean  NOT NULL,
    is_audio_dirty   boolean  NOT NULL,
    image_status     integer  NOT NULL,
    video_status     integer  NOT NULL,
    audio_status     integer  NOT NULL,
    last_error       text,
    updated_at       bigint   NOT NULL,
    version          bigint   NOT NULL,
    UNIQUE (section_id, idx)
);
CREATE INDEX ix_sentences_project ON sentences (project_id);

-- Ids are handed out before commit, so a reader only trusts ids of transactions older than
-- every transaction still running (tx below the snapshot's xmin): no event is skipped.
CREATE TABLE events (
    id          bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  uuid    NOT NULL,
    name        text    NOT NULL,
    entity_id   uuid    NOT NULL,
    data        text    NOT NULL,
    created_at  bigint  NOT NULL,
    tx          xid8    NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX ix_events_project ON events (project_id, id);
