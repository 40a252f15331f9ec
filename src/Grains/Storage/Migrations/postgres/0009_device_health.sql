-- A silo checks each device's backend (ComfyUI's /system_stats, ffmpeg for the CPU lanes) and
-- claims no work for a device that does not answer; since when it has not answered shows on
-- the Devices page. NULL while it answers.
ALTER TABLE devices ADD COLUMN unreachable_since bigint;
