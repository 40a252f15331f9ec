namespace VideoGen.Silo.ComfyUi;

/// <summary><c>progress</c>: a node (usually a sampler) finished step <see cref="Value"/> of <see cref="Max"/>.</summary>
public sealed record ProgressMessage(string? Node, double Value, double Max) : ComfyUiMessage;
