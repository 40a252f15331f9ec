-- A lane keeps its GPU busy: while one job computes on the device, the lane has already claimed
-- and prepared the next, and the job before may still be storing its output. A running job is
-- therefore at one of three stages of its lane: 0 on the device, 1 next (claimed and prepared,
-- waiting for the device), 2 storing (its prompt has ended; the device has moved on). The device
-- still runs one job per lane whatever any process does: the running-lane index now covers the
-- jobs on the device, and a second index allows one next job per lane.
ALTER TABLE jobs ADD COLUMN lane_stage integer NOT NULL DEFAULT 0;
DROP INDEX ux_jobs_running_lane;
CREATE UNIQUE INDEX ux_jobs_running_lane ON jobs (device, lane) WHERE status = 1 AND lane_stage = 0;
CREATE UNIQUE INDEX ux_jobs_next_on_lane ON jobs (device, lane) WHERE status = 1 AND lane_stage = 1;
