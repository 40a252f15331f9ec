namespace VideoGen.Grains.Domain;

/// <summary>How one scene of a final cut gives way to the next.</summary>
public enum ExportTransition
{
    /// <summary>A hard cut on the frame where the next narration starts.</summary>
    Cut = 1,

    /// <summary>A short dissolve centred on the frame where the next narration starts.</summary>
    Crossfade = 2,
}
