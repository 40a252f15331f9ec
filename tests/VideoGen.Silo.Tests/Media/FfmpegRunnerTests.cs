using System.Diagnostics;
using System.Runtime.Versioning;
using VideoGen.Silo.Media;

namespace VideoGen.Silo.Tests.Media;

public sealed class FfmpegRunnerTests
{
    [Fact]
    public async Task RunAsync_Render_ReportsIncreasingProgressEndingAtOne()
    {
        using var folder = new TempFolder();
        var progress = new RecordingProgress<double>();
        // -re paces the input in real time, so the render lasts long enough for several progress blocks.
        var arguments = MediaTools.Lavfi("testsrc2=s=64x36:r=24:d=1.5", realTime: true)
            .OutputToFile(folder.File("out.nut"), overwrite: true, o => o.WithCustomArgument(FfmpegCommand.Option("-f", "nut")));

        await MediaTools.Ffmpeg().RunAsync(arguments, TimeSpan.FromSeconds(1.5), progress, CancellationToken.None);

        var reports = progress.Reports;
        Assert.True(reports.Count >= 3, $"Expected progress along the way, got [{string.Join(", ", reports)}].");
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{pair.Second} after {pair.First}"));
        Assert.Equal(1.0, reports[^1]);
        Assert.True(File.Exists(folder.File("out.nut")));
    }

    [Fact]
    public async Task RunAsync_Render_LogsItsCommandLineAtDebugLevelOnly()
    {
        using var folder = new TempFolder();
        var log = new LevelLog<FfmpegRunner>();
        var runner = new FfmpegRunner(Microsoft.Extensions.Options.Options.Create(new FfmpegOptions()), log);
        var arguments = MediaTools.Lavfi("testsrc2=s=64x36:r=24:d=0.2")
            .OutputToFile(folder.File("out.nut"), overwrite: true, o => o.WithCustomArgument(FfmpegCommand.Option("-f", "nut")));

        await runner.RunAsync(arguments, TimeSpan.FromSeconds(0.2), null, CancellationToken.None);

        var (level, message) = Assert.Single(log.Entries);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, level);
        Assert.Contains("testsrc2=s=64x36", message);
    }

    [Fact]
    public async Task RunAsync_MissingInput_ThrowsWithExitCodeAndStderr()
    {
        using var folder = new TempFolder();
        var arguments = FfmpegCommand.Start().AddFileInput(folder.File("missing.png"), verifyExists: false).OutputToFile(folder.File("out.png"));

        var error = await Assert.ThrowsAsync<FfmpegException>(() => MediaTools.Ffmpeg().RunAsync(arguments, null, null, CancellationToken.None));

        Assert.NotNull(error.ExitCode);
        Assert.NotEqual(0, error.ExitCode);
        Assert.Contains("No such file or directory", error.StderrTail);
        Assert.Contains("No such file or directory", error.Message);
    }

    [Fact]
    public async Task RunAsync_CancelledMidRender_QuitsFfmpegWithoutWaitingForTheKill()
    {
        using var folder = new TempFolder();
        var output = folder.File("endless.nut");
        using var cts = new CancellationTokenSource();
        var progress = new RecordingProgress<double> { OnReport = _ => cts.Cancel() };
        var arguments = MediaTools.Lavfi("testsrc2=s=64x36:r=24", realTime: true)
            .OutputToFile(output, overwrite: true, o => o.WithCustomArgument(FfmpegCommand.Option("-f", "nut")));

        // A grace period far longer than the assertion below: only ffmpeg obeying 'q' can stop it in time.
        var runner = MediaTools.Ffmpeg(new FfmpegOptions { StopGracePeriod = TimeSpan.FromSeconds(30) });

        var run = runner.RunAsync(arguments, TimeSpan.FromMinutes(10), progress, cts.Token);
        Assert.True(await MediaTools.EventuallyAsync(() => cts.IsCancellationRequested, TimeSpan.FromSeconds(10)), "ffmpeg never reported progress.");
        var stopping = Stopwatch.StartNew();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(2), $"Stopping took {stopping.Elapsed}.");
        Assert.Equal(cts.Token, error.CancellationToken);
        Assert.Empty(MediaTools.ProcessesMentioning(output));
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task RunAsync_ProgramIgnoresQuit_KillsItAfterGracePeriod()
    {
        using var folder = new TempFolder();
        var marker = $"{Random.Shared.Next(100_000, 999_999)}.25";
        Directory.CreateDirectory(folder.File("stubborn"));
        var stubborn = folder.File("stubborn/ffmpeg");
        // Stands in for an ffmpeg that hangs: it answers FFMpegCore's -version check, then ignores stdin and sleeps.
        await File.WriteAllTextAsync(stubborn, $"#!/bin/sh\n[ \"$1\" = -version ] && exec echo 'ffmpeg version stub'\nexec sleep {marker}\n");
        File.SetUnixFileMode(stubborn, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var runner = MediaTools.Ffmpeg(new FfmpegOptions { FfmpegPath = stubborn, StopGracePeriod = TimeSpan.FromMilliseconds(300) });
        using var cts = new CancellationTokenSource();

        var run = runner.RunAsync(FfmpegCommand.Start().OutputToFile(folder.File("out.png")), null, null, cts.Token);
        Assert.True(await MediaTools.EventuallyAsync(() => MediaTools.ProcessesMentioning($"sleep {marker}").Count > 0, TimeSpan.FromSeconds(5)));
        var stopping = Stopwatch.StartNew();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(2), $"Stopping took {stopping.Elapsed}.");
        Assert.True(await MediaTools.EventuallyAsync(() => MediaTools.ProcessesMentioning($"sleep {marker}").Count == 0, TimeSpan.FromSeconds(2)),
            "The stopped process is still running.");
    }

    [Fact]
    public async Task RunAsync_MissingProgram_ThrowsWithoutExitCode()
    {
        var runner = MediaTools.Ffmpeg(new FfmpegOptions { FfmpegPath = "/nonexistent/ffmpeg" });

        var error = await Assert.ThrowsAsync<FfmpegException>(() =>
            runner.RunAsync(FfmpegCommand.Start().OutputToFile("/tmp/never.png"), null, null, CancellationToken.None));

        Assert.Null(error.ExitCode);
        Assert.Contains("/nonexistent/ffmpeg", error.Message);
    }

    [Fact]
    public async Task RunAsync_AlreadyCancelled_ThrowsWithoutStarting()
    {
        using var folder = new TempFolder();
        var arguments = MediaTools.Lavfi("color=d=1").OutputToFile(folder.File("never.nut"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => MediaTools.Ffmpeg().RunAsync(arguments, null, null, new CancellationToken(canceled: true)));

        Assert.Empty(folder.FileNames());
    }

    [Fact]
    public async Task GetVersionAsync_InstalledFfmpeg_ReturnsTheVersionLine() =>
        Assert.StartsWith("ffmpeg version ", await MediaTools.Ffmpeg().GetVersionAsync(CancellationToken.None));
}
