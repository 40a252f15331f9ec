using VideoGen.Grains.Domain;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Tests.Media;
using VideoGen.TestSupport.Cluster;
using VideoGen.TestSupport.FakeSpeech;

namespace VideoGen.Silo.Tests.Narration;

public sealed class NarrationRendererTests
{
    private static LaneWork Work(TempFolder folder, string text, string? voice = null, double speed = 1.0) => new()
    {
        JobId = Guid.NewGuid(), Kind = JobKind.Audio, Text = text, Prompt = text, Seed = 0, Width = 1, Height = 1,
        NarrationVoice = voice, NarrationSpeed = speed, OutputDirectory = folder.Path, OutputName = "audio-test",
    };

    [Fact]
    public async Task Render_WithEspeakAtTwiceTheSpeed_IsShorterAndLeavesOnlyTheWav()
    {
        using var folder = new TempFolder();
        await using var backends = new RealBackends();
        var progress = new RecordingProgress<LaneProgress>();
        const string text = "The lighthouse keeper climbs the stairs and lights the lamp before the storm.";

        var normal = await backends.Narration.RenderAsync(Work(folder, text), progress, CancellationToken.None);
        var normalSeconds = normal.DurationSeconds!.Value;
        File.Move(normal.FilePath, folder.File("normal.wav"));
        var fast = await backends.Narration.RenderAsync(Work(folder, text, voice: "en-gb", speed: 2.0), progress, CancellationToken.None);

        Assert.InRange(fast.DurationSeconds!.Value, normalSeconds * 0.4, normalSeconds * 0.75);
        Assert.Equal(["audio-test.wav", "normal.wav"], folder.FileNames());
        Assert.Contains(progress.Reports, p => p.Step!.StartsWith("speaking with espeak-ng", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_WithAVoiceEspeakDoesNotHave_IsRejectedNamingIt()
    {
        using var folder = new TempFolder();
        await using var backends = new RealBackends();

        var failure = await Assert.ThrowsAsync<GenerationException>(() =>
            backends.Narration.RenderAsync(Work(folder, "Hello.", voice: "xx-nowhere"), new RecordingProgress<LaneProgress>(), CancellationToken.None));

        Assert.Equal(FailureCause.Rejected, failure.Cause);
        Assert.Contains("voice does not exist", failure.Message);
        Assert.Empty(folder.FileNames());
    }

    [Theory]
    [InlineData(400, FailureCause.Rejected)]
    [InlineData(429, FailureCause.Transient)]
    [InlineData(503, FailureCause.Transient)]
    public async Task Render_WhenTheSpeechServerFails_SaysWhetherToTryAgain(int status, FailureCause cause)
    {
        using var folder = new TempFolder();
        await using var speech = await FakeSpeechServer.StartAsync();
        await using var backends = new RealBackends(new Dictionary<string, string?> { ["Speech:Engine"] = "openai", ["Speech:Url"] = speech.BaseUrl.ToString() });
        speech.FailNext(1, status);

        var failure = await Assert.ThrowsAsync<GenerationException>(() =>
            backends.Narration.RenderAsync(Work(folder, "Hello."), new RecordingProgress<LaneProgress>(), CancellationToken.None));

        Assert.Equal(cause, failure.Cause);
        Assert.Contains($"answered {status}", failure.Message);
        Assert.Contains("voice not available", failure.Message);
        Assert.Equal(("tts-1", "alloy"), (speech.Calls[0].Model, speech.Calls[0].Voice));
        Assert.Empty(folder.FileNames());
    }

    [Fact]
    public async Task Render_WhenTheSpeechServerIsDown_IsTransient()
    {
        using var folder = new TempFolder();
        var server = await FakeSpeechServer.StartAsync();
        var url = server.BaseUrl;
        await server.DisposeAsync();
        await using var backends = new RealBackends(new Dictionary<string, string?> { ["Speech:Engine"] = "openai", ["Speech:Url"] = url.ToString() });

        var failure = await Assert.ThrowsAsync<GenerationException>(() =>
            backends.Narration.RenderAsync(Work(folder, "Hello."), new RecordingProgress<LaneProgress>(), CancellationToken.None));

        Assert.Equal(FailureCause.Transient, failure.Cause);
        Assert.Contains("could not be reached", failure.Message);
    }
}
