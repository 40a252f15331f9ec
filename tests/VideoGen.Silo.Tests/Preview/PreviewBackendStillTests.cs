using VideoGen.Grains.Domain;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Media;
using VideoGen.Silo.Preview;
using VideoGen.Silo.Tests.Media;

namespace VideoGen.Silo.Tests.Preview;

public sealed class PreviewBackendStillTests
{
    [Theory]
    [InlineData(320, 180)]
    [InlineData(97, 131)]
    public async Task RunAsync_Image_WritesPngOfTheAskedSize(int width, int height)
    {
        using var bed = new PreviewTestBed();

        var output = await bed.RunAsync(bed.Image(width: width, height: height));

        Assert.Equal(bed.Output.File("image-42.png"), output.FilePath);
        Assert.Equal(["image-42.png"], bed.Output.FileNames());
        var video = (await MediaTools.Ffprobe().ProbeAsync(output.FilePath, CancellationToken.None)).Video;
        Assert.Equal(("png", width, height), (video?.CodecName, video?.Width, video?.Height));
    }

    [Fact]
    public async Task RunAsync_DifferentSeeds_GiveVisiblyDifferentPictures()
    {
        using var bed = new PreviewTestBed();

        var first = await bed.RunAsync(bed.Image(seed: 1));
        var second = await bed.RunAsync(bed.Image(seed: 2));

        Assert.NotEqual(await File.ReadAllBytesAsync(first.FilePath), await File.ReadAllBytesAsync(second.FilePath));
        var difference = MediaTools.Difference(await MediaTools.ThumbnailAsync(first.FilePath), await MediaTools.ThumbnailAsync(second.FilePath));
        Assert.True(difference > 8, $"The pictures differ by only {difference:0.0} grey levels on average.");
    }

    [Fact]
    public async Task RunAsync_SameSeedAndPrompt_GivesIdenticalBytes()
    {
        using var bed = new PreviewTestBed();
        var first = await bed.RunAsync(bed.Image(seed: 7) with { OutputName = "first" });
        var second = await bed.RunAsync(bed.Image(seed: 7) with { OutputName = "second" });

        Assert.Equal(await File.ReadAllBytesAsync(first.FilePath), await File.ReadAllBytesAsync(second.FilePath));
    }

    [Fact]
    public async Task RunAsync_SameSeedOtherPrompt_GivesAnotherPicture()
    {
        using var bed = new PreviewTestBed();
        var first = await bed.RunAsync(bed.Image("a red fox in snow", seed: 7) with { OutputName = "fox" });
        var second = await bed.RunAsync(bed.Image("a city at night", seed: 7) with { OutputName = "city" });

        Assert.NotEqual(await File.ReadAllBytesAsync(first.FilePath), await File.ReadAllBytesAsync(second.FilePath));
    }

    [Theory]
    [InlineData(@"it's 100%: the hero\villain's \""last\"" stand")]
    [InlineData(@"%{pts} %{localtime} \n \\ '' :: %%")]
    [InlineData("brackets [and], commas; semicolons")]
    [InlineData("  ")]
    [InlineData("naïve café 🌅 日本語")]
    public async Task RunAsync_PromptWithFilterSyntax_Renders(string prompt)
    {
        using var bed = new PreviewTestBed();

        var output = await bed.RunAsync(bed.Image(prompt, text: prompt));

        Assert.Equal("png", (await MediaTools.Ffprobe().ProbeAsync(output.FilePath, CancellationToken.None)).Video?.CodecName);
    }

    [Fact]
    public async Task RunAsync_Image_ReportsProgressFromZeroToOne()
    {
        using var bed = new PreviewTestBed();
        var progress = new RecordingProgress<LaneProgress>();

        await bed.RunAsync(bed.Image(), progress);

        var fractions = progress.Reports.Select(p => p.Fraction).ToList();
        Assert.Equal(0, fractions[0]);
        Assert.Equal(1, fractions[^1]);
        Assert.Equal(fractions.Order(), fractions);
        Assert.All(progress.Reports, p => Assert.False(string.IsNullOrEmpty(p.Step)));
    }

    [Fact]
    public async Task RunAsync_ExistingOutput_IsReplaced()
    {
        using var bed = new PreviewTestBed();
        await File.WriteAllTextAsync(bed.Output.File("image-42.png"), "old");

        var output = await bed.RunAsync(bed.Image());

        Assert.Equal("png", (await MediaTools.Ffprobe().ProbeAsync(output.FilePath, CancellationToken.None)).Video?.CodecName);
        Assert.Equal(["image-42.png"], bed.Output.FileNames());
    }

    [Fact]
    public async Task RunAsync_MissingFont_IsRejectedNamingTheKey()
    {
        using var bed = new PreviewTestBed(new PreviewOptions { FontFile = "/nonexistent/font.ttf" });

        var error = await Assert.ThrowsAsync<GenerationException>(() => bed.RunAsync(bed.Image()));

        Assert.Equal(FailureCause.Rejected, error.Cause);
        Assert.Contains("Preview:FontFile", error.Message);
        Assert.Empty(bed.Output.FileNames());
    }

    [Theory]
    [InlineData(8, 180, "image")]
    [InlineData(320, 9000, "image")]
    [InlineData(320, 180, "../escape")]
    [InlineData(320, 180, "")]
    public async Task RunAsync_BadSizeOrName_IsRejected(int width, int height, string name)
    {
        using var bed = new PreviewTestBed();

        var error = await Assert.ThrowsAsync<GenerationException>(() => bed.RunAsync(bed.Image(width: width, height: height) with { OutputName = name }));

        Assert.Equal(FailureCause.Rejected, error.Cause);
    }

    [Theory]
    [InlineData(JobKind.Audio)]
    [InlineData(JobKind.Export)]
    public async Task RunAsync_NotAnImageOrClip_IsRejected(JobKind kind)
    {
        using var bed = new PreviewTestBed();

        var error = await Assert.ThrowsAsync<GenerationException>(() => bed.RunAsync(bed.Image() with { Kind = kind }));

        Assert.Equal(FailureCause.Rejected, error.Cause);
    }

    [Fact]
    public async Task HealthProblem_FfmpegAndFontInstalled_IsNone()
    {
        using var bed = new PreviewTestBed();

        Assert.Null(await bed.Backend.HealthProblemAsync(CancellationToken.None));
    }

    [Fact]
    public async Task HealthProblem_NoFfmpeg_SaysFfmpegDoesNotRun()
    {
        using var bed = new PreviewTestBed(ffmpeg: new FfmpegOptions { FfmpegPath = "/nonexistent/ffmpeg" });

        Assert.StartsWith("The preview device cannot run ffmpeg", await bed.Backend.HealthProblemAsync(CancellationToken.None));
    }

    [Fact]
    public async Task HealthProblem_NoFont_NamesTheMissingFont()
    {
        using var bed = new PreviewTestBed(new PreviewOptions { FontFile = "/nonexistent/font.ttf" });

        Assert.Contains("font /nonexistent/font.ttf is missing", await bed.Backend.HealthProblemAsync(CancellationToken.None));
    }
}
