namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>What an output node of the fake saves, and under which <c>/history</c> key.</summary>
internal enum FakeOutputKind
{
    None = 0,
    Image = 1,
    Preview = 2,
    Video = 3,
    AnimatedWebp = 4,
    VideoHelperSuite = 5,
}

internal static class FakeOutputKinds
{
    /// <summary>Whether an output node of this kind saves a clip (a video lane's prompt).</summary>
    public static bool IsVideo(this FakeOutputKind kind) => kind is FakeOutputKind.Video or FakeOutputKind.AnimatedWebp or FakeOutputKind.VideoHelperSuite;
}
