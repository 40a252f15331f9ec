namespace VideoGen.Silo.ComfyUi;

/// <summary><c>execution_interrupted</c>: someone posted <c>/interrupt</c> while the prompt ran.</summary>
public sealed record ExecutionInterruptedMessage(string? NodeId, string? NodeType) : ComfyUiMessage;
