using VideoGen.Grains.Domain;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Media;
using VideoGen.Silo.Preview;

namespace VideoGen.Silo.Speech;

/// <summary>
/// Narration for one sentence: the speech engine speaks it, ffmpeg turns whatever the engine
/// answered into one WAV format (48 kHz mono PCM, so every scene's narration joins sample for
/// sample in the final cut), and ffprobe measures how long it lasts.
/// </summary>
public sealed class NarrationRenderer(ISpeechEngine engine, FfmpegRunner ffmpeg, FfprobeRunner ffprobe, ILogger<NarrationRenderer> logger)
{
    /// <summary>The sample rate of stored narration.</summary>
    public const int SampleRate = 48_000;

    /// <summary>Speaks <see cref="LaneWork.Text"/> into <c>{OutputName}.wav</c> and returns the file with its duration.</summary>
    /// <exception cref="GenerationException">The engine failed, or its answer is not audio.</exception>
    public async Task<LaneOutput> RenderAsync(LaneWork work, IProgress<LaneProgress> progress, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(work.Text)) throw new GenerationException(FailureCause.Rejected, "The sentence has no text to speak.");
        var directory = Path.GetFullPath(work.OutputDirectory);
        using var spoken = new PartialFile(directory, work.OutputName, ".speech");
        progress.Report(new LaneProgress(0, $"speaking with {engine.Name}"));
        await engine.SynthesizeAsync(new SpeechRequest(work.Text, work.NarrationVoice, work.NarrationSpeed), spoken.TempPath, ct);

        progress.Report(new LaneProgress(0.7, "measuring the narration"));
        using var wav = new PartialFile(directory, work.OutputName, ".wav");
        var command = FfmpegCommand.Start()
            .AddFileInput(spoken.TempPath, verifyExists: false)
            .OutputToFile(wav.TempPath, overwrite: true, o => o
                .WithCustomArgument(FfmpegCommand.Option("-map", "0:a:0"))
                .WithCustomArgument(FfmpegCommand.Option("-ac", 1))
                .WithCustomArgument(FfmpegCommand.Option("-ar", SampleRate))
                .WithCustomArgument(FfmpegCommand.Option("-c:a", "pcm_s16le"))
                .WithCustomArgument(FfmpegCommand.Option("-f", "wav")));
        double? seconds;
        try
        {
            await ffmpeg.RunAsync(command, duration: null, progress: null, ct);
            var info = await ffprobe.ProbeAsync(wav.TempPath, ct);
            seconds = info.Audio is null ? null : info.Audio.DurationSeconds ?? info.DurationSeconds;
        }
        catch (FfmpegException e)
        {
            // A tool that could not start or was killed may do better next time; unreadable audio will not.
            throw new GenerationException(FfmpegFailures.CauseOf(e), FailureText.Compose($"What {engine.Name} answered is not audio ffmpeg can read.", e.Message), e);
        }
        if (seconds is not > 0)
            throw new GenerationException(FailureCause.Rejected, $"{engine.Name} produced no audio for this sentence.");
        var path = wav.Commit();
        logger.LogInformation("Narration of job {JobId} lasts {Seconds} s: {OutputPath}", work.JobId, seconds, path);
        return new LaneOutput(path, seconds);
    }
}
