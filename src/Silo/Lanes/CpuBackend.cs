using VideoGen.Grains.Domain;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Export;
using VideoGen.Silo.Media;
using VideoGen.Silo.Speech;

namespace VideoGen.Silo.Lanes;

/// <summary>The CPU lane of a silo's machine: speaks narration and renders final cuts.</summary>
public sealed class CpuBackend(NarrationRenderer narration, ExportRenderer export, FfmpegRunner ffmpeg) : IDeviceBackend
{
    public Task<LaneOutput> RunAsync(LaneWork work, IProgress<LaneProgress> progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work.Kind switch
        {
            JobKind.Audio => narration.RenderAsync(work, progress, ct),
            JobKind.Export => export.RenderAsync(work, progress, ct),
            _ => throw new GenerationException(FailureCause.Rejected, $"The CPU lane speaks narration and renders exports, not {work.Kind} jobs."),
        };
    }

    /// <summary>Whether ffmpeg runs, which both narration and exports need.</summary>
    public async Task<string?> HealthProblemAsync(CancellationToken ct)
    {
        try
        {
            await ffmpeg.GetVersionAsync(ct);
            return null;
        }
        catch (FfmpegException e)
        {
            return $"The CPU lane cannot run ffmpeg: {e.Message}";
        }
    }
}
