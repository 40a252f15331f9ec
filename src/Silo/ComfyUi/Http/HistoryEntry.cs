namespace VideoGen.Silo.ComfyUi;

/// <summary>A finished prompt as <c>/history/{id}</c> reports it: its outputs per node and how it ended.</summary>
/// <param name="Outputs">What each output node saved, by node id.</param>
/// <param name="StatusText"><c>success</c> or <c>error</c> (interrupted prompts end in <c>error</c> too).</param>
/// <param name="Completed">Whether ComfyUI considers the run complete.</param>
/// <param name="Messages">The execution messages ComfyUI kept (start, cached, error or interrupted, success).</param>
public sealed record HistoryEntry(
    IReadOnlyDictionary<string, NodeOutput> Outputs,
    string? StatusText,
    bool Completed,
    IReadOnlyList<ComfyUiMessage> Messages)
{
    /// <summary>The error that ended the prompt, if one did.</summary>
    public ExecutionErrorMessage? Error => Messages.OfType<ExecutionErrorMessage>().FirstOrDefault();

    /// <summary>Whether someone interrupted the prompt.</summary>
    public bool WasInterrupted => Messages.OfType<ExecutionInterruptedMessage>().Any();

    /// <summary>Whether every node ran: <c>status_str</c> is <c>success</c>, or (older entries without a status) nothing went wrong.</summary>
    public bool Succeeded => StatusText is { } status ? status == "success" : Error is null && !WasInterrupted;
}
