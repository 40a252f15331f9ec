using VideoGen.Grains.Domain;
using VideoGen.Silo.Preview;

namespace VideoGen.Silo.Tests.Preview;

public sealed class CameraMoveTests
{
    [Theory]
    [InlineData(0.0, 4.0, 0.05)]
    [InlineData(0.5, 1.0, 0.07)]
    [InlineData(1.0, 4.0, 0.48)]
    [InlineData(1.0, 60.0, 0.60)]
    [InlineData(0.5, 60.0, 0.325)]
    [InlineData(7.0, 4.0, 0.48)]
    [InlineData(double.NaN, 1.0, 0.07)]
    public void Travel_StrengthAndLength_GrowsUpToTheLimit(double strength, double seconds, double expected) =>
        Assert.Equal(expected, CameraMove.Travel(strength, seconds), precision: 10);

    [Fact]
    public void Travel_StrongerMotion_MovesFurther() =>
        Assert.True(CameraMove.Travel(0.9, 5) > CameraMove.Travel(0.1, 5));

    [Fact]
    public void For_Static_HoldsTheWholePicture() =>
        Assert.Equal(new CameraMove("1", "0", "0"), CameraMove.For(CameraMovement.Static, 1, 97, 24));

    [Fact]
    public void For_ZoomIn_EasesFromWholeToEnlargedCentre() =>
        Assert.Equal(
            new CameraMove("1+0.325*(1-cos(PI*on/120))/2", "(iw-iw/zoom)/2", "(ih-ih/zoom)/2"),
            CameraMove.For(CameraMovement.ZoomIn, 0.5, 121, 24));

    [Fact]
    public void For_TiltUp_HoldsTheZoomAndMovesFromBottomToTop() =>
        Assert.Equal(
            new CameraMove("1+0.325", "(iw-iw/zoom)/2", "(ih-ih/zoom)*(1+cos(PI*on/120))/2"),
            CameraMove.For(CameraMovement.TiltUp, 0.5, 121, 24));

    [Fact]
    public void ToZoompan_Frames_MakesThatManyFramesOfTheSize() =>
        Assert.Equal(@"zoompan=z=1:x=0:y=0:d=97:s=320x180:fps=24", new CameraMove("1", "0", "0").ToZoompan(97, 320, 180, 24).ToString());
}
