using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Tests;

/// <summary>Named states of one scene, the inputs of the scene-work rule tables.</summary>
internal static class SceneStates
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Every asset generated, nothing stale, nothing running.</summary>
    private static readonly SentenceState Complete = new()
    {
        Id = Guid.NewGuid(),
        ProjectId = Guid.NewGuid(),
        SectionId = Guid.NewGuid(),
        Index = 0,
        Text = "The tide rolls in.",
        ImagePrompt = "a beach at dusk",
        VideoPrompt = "waves rolling in",
        MotionStrength = 0.5,
        Seed = 42,
        ImageFile = "images/a.png",
        VideoFile = "videos/a.mp4",
        AudioFile = "audio/a.wav",
        AudioDuration = 3.0,
        UpdatedAt = Now.AddHours(-1),
        Version = 1,
    };

    private static readonly SentenceState Fresh = Complete with { ImageFile = null, VideoFile = null, AudioFile = null, AudioDuration = null };

    private static readonly Dictionary<string, SentenceState> States = new()
    {
        ["complete"] = Complete,
        ["fresh"] = Fresh,
        ["narrated only"] = Fresh with { AudioFile = "audio/a.wav", AudioDuration = 3.0 },
        ["image without clip"] = Complete with { VideoFile = null },
        ["clip without narration"] = Complete with { AudioFile = null, AudioDuration = null },
        ["narration of unknown length"] = Complete with { AudioDuration = null },
        ["stale narration"] = Complete with { IsAudioDirty = true },
        ["stale narration, no image"] = Fresh with { AudioFile = "audio/a.wav", AudioDuration = 3.0, IsAudioDirty = true },
        ["dirty image"] = Complete with { IsImageDirty = true, IsVideoDirty = true },
        ["dirty clip"] = Complete with { IsVideoDirty = true },
        ["dirty clip, no image"] = Complete with { ImageFile = null, IsVideoDirty = true },
        ["image made, clip never"] = Complete with { VideoFile = null, IsVideoDirty = true },
        ["prompt edited, no image yet"] = Fresh with { IsImageDirty = true, IsVideoDirty = true },
        ["image failed"] = Fresh with { AudioFile = "audio/a.wav", AudioDuration = 3.0, ImageStatus = AssetStatus.Failed, LastError = "oom" },
        ["clip failed"] = Complete with { VideoFile = null, VideoStatus = AssetStatus.Failed, LastError = "oom" },
        ["clip failed, old clip kept"] = Complete with { VideoStatus = AssetStatus.Failed, LastError = "oom" },
        ["narration failed, old one kept"] = Complete with { AudioStatus = AssetStatus.Failed, LastError = "oom" },
        ["clip failed, no image"] = Fresh with { VideoStatus = AssetStatus.Failed, LastError = "oom" },
        ["narration and image failed"] = Fresh with { AudioStatus = AssetStatus.Failed, ImageStatus = AssetStatus.Failed, LastError = "oom" },
        ["narration failed"] = Fresh with { ImageFile = "images/a.png", AudioStatus = AssetStatus.Failed, LastError = "espeak-ng is not installed.\nNo such file or directory" },
        ["narration and clip failed"] = Complete with { AudioFile = null, AudioDuration = null, VideoFile = null, AudioStatus = AssetStatus.Failed, VideoStatus = AssetStatus.Failed, LastError = "espeak-ng is not installed." },
        ["image queued"] = Fresh with { ImageStatus = AssetStatus.Queued },
        ["empty image prompt"] = Complete with { ImageFile = null, VideoFile = null, ImagePrompt = " " },
        ["empty video prompt"] = Complete with { VideoFile = null, VideoPrompt = "" },
        ["empty prompts"] = Fresh with { ImagePrompt = "", VideoPrompt = "" },
    };

    /// <summary>A fresh entity in the named state.</summary>
    public static Sentence Scene(string name) => Sentence.FromState(States[name]);
}
