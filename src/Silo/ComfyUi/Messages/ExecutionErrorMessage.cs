namespace VideoGen.Silo.ComfyUi;

/// <summary><c>execution_error</c>: a node raised an exception while the prompt ran.</summary>
public sealed record ExecutionErrorMessage(
    string? NodeId,
    string? NodeType,
    string? ExceptionType,
    string? ExceptionMessage,
    IReadOnlyList<string> Traceback) : ComfyUiMessage
{
    /// <summary>
    /// Whether the GPU ran out of memory: PyTorch raises <c>torch.OutOfMemoryError</c>
    /// (<c>torch.cuda.OutOfMemoryError</c> in older releases) with "CUDA out of memory" or
    /// ComfyUI's own "Allocation on device" text.
    /// </summary>
    public bool IsOutOfMemory =>
        Mentions(ExceptionType, "OutOfMemory")
        || Mentions(ExceptionMessage, "out of memory")
        || Mentions(ExceptionMessage, "Allocation on device");

    /// <summary>A one-line description for the creator: node, exception type and message.</summary>
    public string Describe() =>
        $"{NodeType ?? "a node"} (node {NodeId ?? "?"}) failed: {ExceptionType ?? "error"}: {ExceptionMessage?.Trim()}";

    private static bool Mentions(string? text, string what) => text?.Contains(what, StringComparison.OrdinalIgnoreCase) == true;
}
