namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>A <c>POST /upload/image</c>: the name sent, the name stored under, and the bytes.</summary>
public sealed record FakeUpload(string SentName, string StoredName, string Type, bool Overwrite, byte[] Content);
