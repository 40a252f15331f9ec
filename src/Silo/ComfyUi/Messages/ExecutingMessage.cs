namespace VideoGen.Silo.ComfyUi;

/// <summary><c>executing</c>: a node started; a <see langword="null"/> node means the prompt is done and its history is written.</summary>
public sealed record ExecutingMessage(string? Node, string? DisplayNode) : ComfyUiMessage
{
    /// <summary>Whether this is the final <c>executing{node:null}</c> of the prompt.</summary>
    public bool IsPromptDone => Node is null;
}
