namespace VideoGen.Silo.ComfyUi;

/// <summary><c>progress_state</c> (newer releases): the progress of every node of the prompt at once.</summary>
public sealed record ProgressStateMessage(IReadOnlyDictionary<string, NodeProgress> Nodes) : ComfyUiMessage;
