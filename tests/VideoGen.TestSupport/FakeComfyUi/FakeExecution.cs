namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>One prompt's time on the fake's GPU: from leaving the queue to its end (success, error, interrupt or restart).</summary>
public sealed record FakeExecution(string PromptId, DateTimeOffset StartedAt, DateTimeOffset EndedAt);
