-- Readers follow the log by position, not by id. An id is handed out at INSERT, so a newer
-- transaction can commit a higher id while an older one still holds a lower one; a reader that
-- had moved past the higher id would never see the lower. The position leads with the writing
-- transaction's id instead: readers only take events of transactions older than every one still
-- running (tx below the snapshot's xmin), and any event still to come has a tx at or above that
-- xmin, so its position is higher than everything already read. The low 20 bits keep the
-- events of one transaction in the order they were written.
ALTER TABLE events ADD COLUMN pos bigint GENERATED ALWAYS AS ((tx::text::bigint << 20) | (id & 1048575)) STORED;
CREATE UNIQUE INDEX ix_events_pos ON events (pos);
CREATE INDEX ix_events_project_pos ON events (project_id, pos);
DROP INDEX ix_events_project;
