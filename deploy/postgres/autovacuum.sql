-- Autovacuum for a queue table: wake often, vacuum small increments, do not throttle.
ALTER SYSTEM SET autovacuum_naptime = '10s';
ALTER SYSTEM SET autovacuum_vacuum_cost_limit = 2000;
ALTER SYSTEM SET autovacuum_vacuum_insert_scale_factor = 0.05;
\connect videogen
-- Applied again here in case the database was created before the studio first started;
-- the studio's migration 0002 sets the same values on jobs when it creates the table.
DO $$
BEGIN
    IF to_regclass('public.jobs') IS NOT NULL THEN
        ALTER TABLE jobs SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02, autovacuum_vacuum_cost_delay = 0);
        ALTER TABLE events SET (autovacuum_analyze_scale_factor = 0.02);
    END IF;
END
$$;
