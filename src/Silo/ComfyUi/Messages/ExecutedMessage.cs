namespace VideoGen.Silo.ComfyUi;

/// <summary><c>executed</c>: an output node finished; <see cref="Output"/> lists what it saved.</summary>
public sealed record ExecutedMessage(string? Node, NodeOutput? Output) : ComfyUiMessage;
