-- A silo configured with a device name another live silo already drives is refused; the
-- refused silo's heartbeat records itself here so the operator sees the clash on the Devices page.
ALTER TABLE devices ADD COLUMN contested_by TEXT;
ALTER TABLE devices ADD COLUMN contested_at INTEGER;
