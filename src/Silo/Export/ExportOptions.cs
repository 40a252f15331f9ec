using VideoGen.Silo.Options;

namespace VideoGen.Silo.Export;

/// <summary>Configuration section <c>Export</c>: how final cuts are rendered.</summary>
public sealed class ExportOptions : ISelfValidatingOptions
{
    public const string Section = "Export";

    /// <summary>The x264 presets, fastest first.</summary>
    public static readonly IReadOnlyList<string> Presets =
        ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow"];

    /// <summary>The frame rate of an export that does not ask for one: 24 or 30.</summary>
    public int FramesPerSecond { get; set; } = 24;

    /// <summary>When a clip is shorter than its narration: hold its last frame, or slow it down.</summary>
    public LongNarration LongNarration { get; set; } = LongNarration.Hold;

    /// <summary>How long a crossfade lasts; shortened when a scene is too short for it.</summary>
    public double CrossfadeSeconds { get; set; } = 0.5;

    /// <summary>The x264 preset: slower presets make smaller files for the same quality.</summary>
    public string Preset { get; set; } = "veryfast";

    /// <summary>The x264 constant rate factor: lower is better quality and larger files (18–23 is usual).</summary>
    public int Crf { get; set; } = 20;

    /// <summary>The AAC bit rate of the narration, in kbit/s.</summary>
    public int AudioKbps { get; set; } = 160;

    /// <summary>The font burned-in subtitles are set in (found through fontconfig; fonts-dejavu-core installs DejaVu Sans).</summary>
    public string SubtitleFont { get; set; } = "DejaVu Sans";

    /// <summary>The problems of these options, each naming its key; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Grains.Domain.ExportSettings.FrameRates.Contains(FramesPerSecond))
            problems.Add($"{Section}:FramesPerSecond must be 24 or 30 (got {FramesPerSecond}).");
        if (!Enum.IsDefined(LongNarration)) problems.Add($"{Section}:LongNarration must be 'Hold' or 'Slow'.");
        if (!double.IsFinite(CrossfadeSeconds) || CrossfadeSeconds is < 0.1 or > 3)
            problems.Add($"{Section}:CrossfadeSeconds must be between 0.1 and 3 (got {CrossfadeSeconds}).");
        if (!Presets.Contains(Preset)) problems.Add($"{Section}:Preset must be one of {string.Join(", ", Presets)} (got '{Preset}').");
        if (Crf is < 0 or > 51) problems.Add($"{Section}:Crf must be between 0 and 51 (got {Crf}).");
        if (AudioKbps is < 32 or > 512) problems.Add($"{Section}:AudioKbps must be between 32 and 512 (got {AudioKbps}).");
        if (string.IsNullOrWhiteSpace(SubtitleFont) || SubtitleFont.Any(c => char.IsControl(c) || c is ',' or '{' or '}'))
            problems.Add($"{Section}:SubtitleFont must name a font, e.g. DejaVu Sans.");
        return problems;
    }
}
