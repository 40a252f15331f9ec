namespace VideoGen.Silo.ComfyUi;

/// <summary>
/// One JSON message from ComfyUI's <c>/ws</c> socket (or one entry of a history entry's
/// <c>status.messages</c>). Every type except <see cref="StatusMessage"/> names the prompt it is about.
/// </summary>
public abstract record ComfyUiMessage
{
    /// <summary>The prompt the message is about; <see langword="null"/> for broadcasts.</summary>
    public string? PromptId { get; init; }
}
