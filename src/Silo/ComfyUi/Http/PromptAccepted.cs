namespace VideoGen.Silo.ComfyUi;

/// <summary>The answer to a successful <c>POST /prompt</c>: the id and the queue number.</summary>
public sealed record PromptAccepted(string PromptId, long Number);
