namespace VideoGen.Silo.ComfyUi;

/// <summary>The end of one prompt: its history entry when it succeeded, its error when a node failed.</summary>
internal sealed record PromptOutcome(PromptOutcomeKind Kind, HistoryEntry? History = null, ExecutionErrorMessage? Error = null)
{
    public static PromptOutcome Lost { get; } = new(PromptOutcomeKind.Lost);

    public static PromptOutcome Interrupted { get; } = new(PromptOutcomeKind.Interrupted);

    public static PromptOutcome Failed(ExecutionErrorMessage error) => new(PromptOutcomeKind.Failed, Error: error);

    /// <summary>Reads the outcome from a finished prompt's history entry.</summary>
    public static PromptOutcome From(HistoryEntry entry) =>
        entry.Succeeded ? new PromptOutcome(PromptOutcomeKind.Succeeded, History: entry)
        : entry.Error is { } error ? Failed(error)
        : entry.WasInterrupted ? Interrupted
        : Failed(new ExecutionErrorMessage(null, null, null, $"ComfyUI reports the prompt ended with status '{entry.StatusText}' but kept no error message.", []));
}
