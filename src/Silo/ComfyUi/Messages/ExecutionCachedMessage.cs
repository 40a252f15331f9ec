namespace VideoGen.Silo.ComfyUi;

/// <summary><c>execution_cached</c>: nodes whose results were reused; they get no <c>executing</c> message.</summary>
public sealed record ExecutionCachedMessage(IReadOnlyList<string> Nodes) : ComfyUiMessage;
