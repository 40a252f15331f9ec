namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>A <c>POST /interrupt</c>: the prompt id it named (<see langword="null"/> for the bodiless form) and whether that prompt was running.</summary>
public sealed record FakeInterrupt(string? PromptId, bool InterruptedSomething, DateTimeOffset ReceivedAt);
