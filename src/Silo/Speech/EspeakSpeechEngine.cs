using System.ComponentModel;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using VideoGen.Grains.Domain;
using VideoGen.Silo.Devices;

namespace VideoGen.Silo.Speech;

/// <summary>
/// espeak-ng on the silo's machine: the text goes in on stdin (never on the command line, where
/// a sentence starting with '-' would read as an option) and the WAV comes out on stdout
/// (espeak-ng cuts a <c>-w</c> file name at 200 bytes, shorter than a media path can be).
/// </summary>
public sealed class EspeakSpeechEngine(IOptions<SpeechOptions> options, ILogger<EspeakSpeechEngine> logger) : ISpeechEngine
{
    /// <summary>espeak-ng's normal pace in words per minute, the pace of speed 1.0.</summary>
    public const int NormalWordsPerMinute = 175;

    private readonly SpeechOptions _options = options.Value;

    public string Name => "espeak-ng";

    public async Task SynthesizeAsync(SpeechRequest request, string outputPath, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var wordsPerMinute = (int)Math.Round(NormalWordsPerMinute * Math.Clamp(request.Speed, NarrationSettings.MinSpeed, NarrationSettings.MaxSpeed));
        IReadOnlyList<string> arguments =
        [
            "-v", request.Voice ?? _options.DefaultVoice,
            "-s", wordsPerMinute.ToString(CultureInfo.InvariantCulture),
            "-b", "1",
            "--stdin",
            "--stdout",
        ];
        SpeechProcess process;
        try
        {
            process = SpeechProcess.Start(_options.EspeakPath, arguments, logger);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            throw new GenerationException(FailureCause.Rejected,
                FailureText.Compose($"espeak-ng could not be started: install the Debian package espeak-ng or set {SpeechOptions.Section}:EspeakPath.", e.Message), e);
        }
        using (process)
        {
            await using var file = File.Create(outputPath);
            // Read while writing: a long sentence's speech fills the pipe before espeak-ng exits.
            var copying = process.StandardOutput.CopyToAsync(file, CancellationToken.None);
            try
            {
                await process.WriteInputAndCloseAsync(Encoding.UTF8.GetBytes(request.Text), ct);
                var exitCode = await process.WaitForExitAsync(ct);
                await copying;
                if (exitCode != 0)
                {
                    throw new GenerationException(FailureCause.Rejected,
                        FailureText.Compose("espeak-ng could not speak the sentence.", $"espeak-ng exited with code {exitCode}.\n{process.Stderr}"));
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await process.StopAsync();
                await copying;
                throw;
            }
        }
    }
}
