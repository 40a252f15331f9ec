namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>One HTTP request the fake answered (paths without the <c>/api</c> prefix).</summary>
public sealed record FakeRequest(string Method, string Path, int StatusCode);
