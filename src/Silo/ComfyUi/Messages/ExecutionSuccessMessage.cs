namespace VideoGen.Silo.ComfyUi;

/// <summary>
/// <c>execution_success</c>: every node ran. Sent before the history entry is written, so it is
/// not yet safe to read <c>/history</c>; wait for <c>executing{node:null}</c>.
/// </summary>
public sealed record ExecutionSuccessMessage(long? Timestamp) : ComfyUiMessage;
