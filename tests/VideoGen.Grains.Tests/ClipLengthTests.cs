using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Tests;

public sealed class ClipLengthTests
{
    [Theory]
    [InlineData(4.0, 16, 81, 65)]    // 64 frames needed → next 4k+1
    [InlineData(5.0, 16, 81, 81)]    // exactly the sweet spot
    [InlineData(12.0, 16, 81, 81)]   // longer narration: capped, the export holds or slows the clip
    [InlineData(0.1, 16, 81, 5)]     // never shorter than 5 frames
    [InlineData(null, 24, 121, 97)]  // no narration: the default 4 s at 24 fps
    [InlineData(3.0, 24, 100, 73)]   // a cap that is not 4k+1 rounds down to one
    [InlineData(30.0, 24, 100, 97)]
    public void Frames_CoverTheNarrationIn4kPlus1Steps(double? seconds, int fps, int maxFrames, int expected)
    {
        var frames = ClipLength.Frames(seconds, fps, maxFrames);

        Assert.Equal(expected, frames);
        Assert.Equal(1, frames % 4);
    }

    [Fact]
    public void Frames_WithoutPositiveFps_Throws() => Assert.Throws<DomainException>(() => ClipLength.Frames(1, 0));
}
