namespace VideoGen.Silo.ComfyUi;

/// <summary><c>status</c>: the queue length, broadcast on connect and whenever the queue changes.</summary>
public sealed record StatusMessage(int? QueueRemaining, string? Sid) : ComfyUiMessage;
