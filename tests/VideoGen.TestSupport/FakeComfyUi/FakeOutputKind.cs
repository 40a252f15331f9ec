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
