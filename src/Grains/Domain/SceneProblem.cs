namespace VideoGen.Grains.Domain;

/// <summary>Why a scene is not ready for a final cut, worst first.</summary>
public enum SceneProblem
{
    /// <summary>It has no image, clip or narration: a final cut cannot be made.</summary>
    Missing = 1,
    /// <summary>The last attempt at one of its assets failed; an older one may still be used.</summary>
    Failed = 2,
    /// <summary>An asset no longer matches its prompt, settings or text.</summary>
    Stale = 3,
}
