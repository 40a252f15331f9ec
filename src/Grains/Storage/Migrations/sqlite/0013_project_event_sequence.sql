-- Each project numbers its events 1, 2, 3, ... with no hole (see PostgreSQL's 0013): live pages
-- follow a project's stream by this number and read the log when one is missing. SQLite's single
-- writer already commits in id order, so the numbers follow the ids. Stream pub-sub state stays
-- in memory on the one-machine default: no grain storage tables here.
ALTER TABLE events ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE events SET seq = (SELECT COUNT(*) FROM events older WHERE older.project_id = events.project_id AND older.id <= events.id);
CREATE UNIQUE INDEX ix_events_project_seq ON events (project_id, seq);

CREATE TABLE event_heads (
    project_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL
);
INSERT INTO event_heads (project_id, seq) SELECT project_id, MAX(seq) FROM events GROUP BY project_id;
