namespace VideoGen.Silo.ComfyUi;

/// <summary>How a submitted prompt ended, as far as the backend could tell.</summary>
internal enum PromptOutcomeKind
{
    Succeeded = 0,

    /// <summary>A node raised (<c>execution_error</c>).</summary>
    Failed = 1,

    /// <summary>Someone else posted <c>/interrupt</c>.</summary>
    Interrupted = 2,

    /// <summary>Neither the queue nor the history knows the prompt: the server restarted.</summary>
    Lost = 3,
}
