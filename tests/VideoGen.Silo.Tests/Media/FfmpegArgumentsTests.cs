using VideoGen.Silo.Media;

namespace VideoGen.Silo.Tests.Media;

public sealed class FfmpegArgumentsTests
{
    [Fact]
    public void Build_OptionsForInputsAndOutput_KeepsFfmpegOrder()
    {
        var arguments = new FfmpegArguments()
            .InputOption("-f", "lavfi")
            .Input("color=s=8x8")
            .Input("/media/a b.png")
            .VideoFilter(new FfmpegFilter("scale").Set("w", 4).Set("h", 4), new FfmpegFilter("format").Set("pix_fmts", "gray"))
            .OutputOption("-crf", 23)
            .OutputOption("-t", 1.5)
            .Output("/media/out.mp4")
            .Build();

        Assert.Equal(
            ["-y", "-f", "lavfi", "-i", "color=s=8x8", "-i", "/media/a b.png", "-vf", "scale=w=4:h=4,format=pix_fmts=gray", "-crf", "23", "-t", "1.5", "/media/out.mp4"],
            arguments);
    }

    [Fact]
    public void Build_FilterComplex_IsAGlobalOptionBeforeInputs()
    {
        var arguments = new FfmpegArguments()
            .Input("in.png")
            .FilterComplex(new FfmpegFilterGraph().Chain(["0:v"], [new FfmpegFilter("null")], "v"))
            .Output("out.png")
            .Build();

        Assert.Equal(["-y", "-filter_complex", "[0:v]null[v]", "-i", "in.png", "out.png"], arguments);
    }

    [Fact]
    public void Build_InputOptionWithoutInput_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new FfmpegArguments().InputOption("-f", "lavfi").Output("out.png").Build());

    [Fact]
    public void Build_NoOutput_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new FfmpegArguments().Input("in.png").Build());

    [Fact]
    public void OutputOption_NameWithoutDash_Throws() =>
        Assert.Throws<ArgumentException>(() => new FfmpegArguments().OutputOption("crf", 23));
}
