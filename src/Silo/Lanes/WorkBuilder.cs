using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Silo.Devices;

namespace VideoGen.Silo.Lanes;

/// <summary>Turns a claimed job and its sentence into the work a backend renders.</summary>
internal sealed class WorkBuilder(MediaFiles media)
{
    public LaneWork Build(ClaimedJob claimed, DeviceKind device)
    {
        var job = claimed.Job;
        var sentence = claimed.Sentence
            ?? throw new GenerationException(FailureCause.Rejected, "The scene of this job no longer exists.");
        var (width, height) = GenerationSizes.For(device, job.Kind, claimed.AspectRatio);
        var work = new LaneWork
        {
            JobId = job.Id,
            Kind = job.Kind,
            Attempt = job.Attempt,
            Text = sentence.Text,
            Prompt = job.Kind == JobKind.Video ? sentence.VideoPrompt : sentence.ImagePrompt,
            Seed = job.Seed ?? sentence.Seed ?? SeedFrom(job.Id),
            Width = width,
            Height = height,
            CameraMovement = sentence.CameraMovement,
            MotionStrength = sentence.MotionStrength,
            ClipSeconds = sentence.AudioDuration ?? ClipLength.DefaultSeconds,
            OutputDirectory = media.DirectoryFor(job.ProjectId, sentence.Id),
            // One name per claim, not per job: a zombie attempt that finishes late must never
            // write over, or delete, the file a later attempt of the same job stored.
            OutputName = $"{job.Kind.ToString().ToLowerInvariant()}-{job.Id:N}-{claimed.Token:N}",
        };
        return job.Kind switch
        {
            JobKind.Image => work,
            JobKind.Video => work with { StartImagePath = StartImage(sentence) },
            _ => throw new GenerationException(FailureCause.Rejected, $"{job.Kind} jobs do not run on a {device} lane."),
        };
    }

    private string StartImage(SentenceState sentence)
    {
        var path = sentence.ImageFile is { } file ? media.ToAbsolute(file) : null;
        return path is not null && File.Exists(path)
            ? path
            : throw new GenerationException(FailureCause.Rejected, "The scene's image is missing: regenerate the image first.");
    }

    /// <summary>A seed for a job that has none ("random"), stable across its attempts.</summary>
    private static long SeedFrom(Guid jobId) => BitConverter.ToInt64(jobId.ToByteArray(), 8) & 0x1F_FFFF_FFFF_FFFF;
}
