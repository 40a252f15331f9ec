namespace VideoGen.Silo.ComfyUi;

/// <summary>The values the backend puts into a workflow template. In a mapping file they are written in snake_case (<c>start_image</c>).</summary>
public enum WorkflowSlot
{
    /// <summary>The prompt text.</summary>
    Positive = 0,

    /// <summary>The negative prompt; left as the template has it when the work has none.</summary>
    Negative = 1,

    Seed = 2,
    Width = 3,
    Height = 4,

    /// <summary>A clip's frame count (Wan: 4k+1).</summary>
    Length = 5,

    /// <summary>Read, not written: the template's frame rate, which turns the clip's seconds into frames.</summary>
    Fps = 6,

    /// <summary>The uploaded start image's name, for a <c>LoadImage</c> node.</summary>
    StartImage = 7,

    /// <summary>Where ComfyUI saves the output (<c>videogen/&lt;job&gt;</c>).</summary>
    FilenamePrefix = 8,
}
