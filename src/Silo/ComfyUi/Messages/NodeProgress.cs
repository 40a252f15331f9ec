namespace VideoGen.Silo.ComfyUi;

/// <summary>One node's entry in a <see cref="ProgressStateMessage"/>.</summary>
public sealed record NodeProgress(double Value, double Max, string? State);
