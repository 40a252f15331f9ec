namespace VideoGen.Silo.ComfyUi;

/// <summary>The values for one run of a template; <see langword="null"/> leaves the template's own value.</summary>
public sealed record WorkflowInputs
{
    public required string Positive { get; init; }
    public string? Negative { get; init; }

    /// <summary>ComfyUI's seeds are unsigned 64-bit numbers.</summary>
    public required ulong Seed { get; init; }

    public required int Width { get; init; }
    public required int Height { get; init; }
    public int? Length { get; init; }
    public string? StartImage { get; init; }
    public required string FilenamePrefix { get; init; }
}
