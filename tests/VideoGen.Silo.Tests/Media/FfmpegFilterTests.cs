using VideoGen.Silo.Media;

namespace VideoGen.Silo.Tests.Media;

public sealed class FfmpegFilterTests
{
    [Fact]
    public void ToString_TextWithFilterSyntax_EscapesForOptionsThenGraph()
    {
        var filter = new FfmpegFilter("drawtext").Set("text", @"it's 50%: a\b, [c];").Set("x", 10);

        Assert.Equal(@"drawtext=text=it\\\'s 50%\\: a\\\\b\, \[c\]\;:x=10", filter.ToString());
    }

    [Fact]
    public void ToString_Numbers_AreWrittenInvariantWithoutExponent()
    {
        var filter = new FfmpegFilter("f").Set("a", 0.5).Set("b", 1e-7).Set("c", -12L).Set("d", true);

        Assert.Equal("f=a=0.5:b=0.0000001:c=-12:d=1", filter.ToString());
    }

    [Fact]
    public void ToString_NoOptions_IsTheName() => Assert.Equal("vignette", new FfmpegFilter("vignette").ToString());

    [Fact]
    public void Set_NotFiniteNumber_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FfmpegFilter("f").Set("a", double.NaN));

    [Fact]
    public void Chain_LabelWithFilterSyntax_Throws() =>
        Assert.Throws<ArgumentException>(() => new FfmpegFilterGraph().Chain(["a]"], [new FfmpegFilter("null")], "out"));

    [Fact]
    public void ToString_TwoChains_JoinsThemWithLabels()
    {
        var graph = new FfmpegFilterGraph()
            .Chain([], [new FfmpegFilter("color").Set("s", "8x8"), new FfmpegFilter("format").Set("pix_fmts", "gray")], "a")
            .Chain(["a", "b"], [new FfmpegFilter("blend")], "out");

        Assert.Equal("color=s=8x8,format=pix_fmts=gray[a];[a][b]blend[out]", graph.ToString());
    }

    // ffmpeg itself reads the text back: the metadata filter stores it and prints it to a file, so any escaping mistake shows.
    [Theory]
    [InlineData(@"it's 50%: a\b, [c]; ""quoted"" %{pts} \n")]
    [InlineData(@"'\'::\\%%")]
    public async Task RunAsync_TextThroughFilterOption_ReachesFfmpegUnchanged(string text)
    {
        using var folder = new TempFolder();
        var printed = folder.File("it's: [printed], 50%.txt");
        var arguments = FfmpegCommand.Start(new FfmpegFilterGraph().Chain([],
            [
                new FfmpegFilter("color").Set("s", "16x16").Set("d", 0.04),
                new FfmpegFilter("metadata").Set("mode", "add").Set("key", "caption").Set("value", text),
                new FfmpegFilter("metadata").Set("mode", "print").Set("key", "caption").Set("file", printed),
            ], "out"))
            .OutputToFile("/dev/null", overwrite: true, o => o
                .WithCustomArgument(FfmpegCommand.Option("-map", "[out]"))
                .WithCustomArgument(FfmpegCommand.Option("-f", "null")));

        await MediaTools.Ffmpeg().RunAsync(arguments, null, null, CancellationToken.None);

        Assert.Contains($"caption={text}\n", await File.ReadAllTextAsync(printed));
    }
}
