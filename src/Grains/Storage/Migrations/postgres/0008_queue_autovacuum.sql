-- The job queue's rows are updated many times each and the event log grows steadily: vacuum
-- jobs without the cost throttle, and keep the planner's view of events current. (0002 set the
-- jobs table's scale factors; the server-wide autovacuum settings are in deploy/postgres.)
ALTER TABLE jobs SET (autovacuum_vacuum_cost_delay = 0);
ALTER TABLE events SET (autovacuum_analyze_scale_factor = 0.02);
