-- Autovacuum for a queue table: wake often, vacuum small increments, do not throttle.
ALTER SYSTEM SET autovacuum_naptime = '10s';
ALTER SYSTEM SET autovacuum_vacuum_cost_limit = 2000;
ALTER SYSTEM SET autovacuum_vacuum_insert_scale_factor = 0.05;
-- The per-table settings for the queue (jobs, events) are applied by the studio's own
-- migrations (0002, 0008) when it first starts on the database.
