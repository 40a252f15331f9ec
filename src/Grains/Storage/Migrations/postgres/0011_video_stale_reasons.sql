-- Why a scene's clip is stale (ClipStaleReasons flags: 1 image, 2 settings, 4 narration), so the
-- storyboard can say what changed; 0 for a clip that is current or was never made.
ALTER TABLE sentences ADD COLUMN video_stale_reasons integer NOT NULL DEFAULT 0;
