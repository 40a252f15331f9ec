namespace VideoGen.Silo.ComfyUi;

/// <summary>
/// <c>GET /queue</c>: the prompt ids running now and waiting, the waiting ones in the order they will
/// run, and the client id each was submitted with (<see cref="Clients"/>; absent when it had none).
/// </summary>
public sealed record ComfyUiQueue(IReadOnlyList<string> Running, IReadOnlyList<string> Pending, IReadOnlyDictionary<string, string>? Clients = null)
{
    public bool IsRunning(string promptId) => Running.Contains(promptId, StringComparer.Ordinal);

    public bool IsPending(string promptId) => Pending.Contains(promptId, StringComparer.Ordinal);

    /// <summary>Whether the prompt is still in ComfyUI's hands (running or waiting).</summary>
    public bool Contains(string promptId) => IsRunning(promptId) || IsPending(promptId);

    /// <summary>Whether <paramref name="promptId"/> was submitted with a client id starting with <paramref name="prefix"/>.</summary>
    public bool SubmittedBy(string promptId, string prefix) =>
        Clients?.GetValueOrDefault(promptId) is { } client && client.StartsWith(prefix, StringComparison.Ordinal);
}
