namespace VideoGen.Silo.Export;

/// <summary>What the final cut does with a clip shorter than its narration (the narration is never cut).</summary>
public enum LongNarration
{
    /// <summary>The clip plays at its own pace, then its last frame stays until the narration ends.</summary>
    Hold = 0,

    /// <summary>The clip is slowed down to last as long as the narration.</summary>
    Slow = 1,
}
