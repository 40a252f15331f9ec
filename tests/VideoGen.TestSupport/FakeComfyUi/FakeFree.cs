namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>A <c>POST /free</c> with its two flags.</summary>
public sealed record FakeFree(bool UnloadModels, bool FreeMemory);
