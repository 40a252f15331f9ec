namespace VideoGen.Grains.Domain;

/// <summary>Why a scene's clip no longer matches what it would be made from: what changed since it was made.</summary>
[Flags]
public enum ClipStaleReasons
{
    None = 0,
    /// <summary>A new image was made (or its prompt changed): the clip starts from the old one.</summary>
    Image = 1,
    /// <summary>The video prompt, camera movement or motion strength changed.</summary>
    Settings = 2,
    /// <summary>New narration of another length: the clip no longer fits it.</summary>
    Narration = 4,
}
