namespace VideoGen.Silo.ComfyUi;

/// <summary><c>GET /queue</c>: the prompt ids running now and waiting, the waiting ones in the order they will run.</summary>
public sealed record ComfyUiQueue(IReadOnlyList<string> Running, IReadOnlyList<string> Pending)
{
    public bool IsRunning(string promptId) => Running.Contains(promptId, StringComparer.Ordinal);

    public bool IsPending(string promptId) => Pending.Contains(promptId, StringComparer.Ordinal);

    /// <summary>Whether the prompt is still in ComfyUI's hands (running or waiting).</summary>
    public bool Contains(string promptId) => IsRunning(promptId) || IsPending(promptId);
}
