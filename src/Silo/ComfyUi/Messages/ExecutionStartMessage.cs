namespace VideoGen.Silo.ComfyUi;

/// <summary><c>execution_start</c>: the prompt left the queue and began to run.</summary>
public sealed record ExecutionStartMessage(long? Timestamp) : ComfyUiMessage;
