using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Silo.Devices;

namespace VideoGen.Silo.Lanes;

/// <summary>Turns a claimed job and its sentence (or its export plan) into the work a backend renders.</summary>
internal sealed class WorkBuilder(MediaFiles media)
{
    public LaneWork Build(ClaimedJob claimed, DeviceSpec device)
    {
        var job = claimed.Job;
        if (job.Kind == JobKind.Export) return BuildExport(claimed);
        var sentence = claimed.Sentence
            ?? throw new GenerationException(FailureCause.Rejected, "The scene of this job no longer exists.");
        var kind = device.Device.Kind;
        var (width, height) = GenerationSizes.For(kind, job.Kind, claimed.AspectRatio);
        var narration = claimed.Narration ?? NarrationSettings.Default;
        var work = new LaneWork
        {
            JobId = job.Id,
            Kind = job.Kind,
            Attempt = job.Attempt,
            Text = sentence.Text,
            Prompt = job.Kind switch
            {
                JobKind.Video => sentence.VideoPrompt,
                JobKind.Audio => sentence.Text,
                _ => sentence.ImagePrompt,
            },
            Seed = job.Seed ?? sentence.Seed ?? SeedFrom(job.Id),
            Width = width,
            Height = height,
            CameraMovement = sentence.CameraMovement,
            MotionStrength = sentence.MotionStrength,
            ClipSeconds = sentence.AudioDuration ?? ClipLength.DefaultSeconds,
            MaxFrames = device.MaxFrames,
            NarrationVoice = narration.Voice,
            NarrationSpeed = narration.Speed,
            OutputDirectory = media.DirectoryFor(job.ProjectId, sentence.Id),
            // One name per claim, not per job or attempt: a silo that lost its claim may still be
            // writing its file on the shared mount while another silo runs the job again, and its
            // late output must never write over, or delete, the file the later claim stored.
            OutputName = $"{job.Kind.ToString().ToLowerInvariant()}-{job.Id:N}-{claimed.Token:N}",
        };
        work = work with { Recipe = RecipeOf(work, sentence) };
        return job.Kind switch
        {
            JobKind.Image or JobKind.Audio => work,
            JobKind.Video => work with { StartImagePath = StartImage(sentence) },
            _ => throw new GenerationException(FailureCause.Rejected, $"{job.Kind} jobs do not run on a {kind} lane."),
        };
    }

    private LaneWork BuildExport(ClaimedJob claimed)
    {
        var job = claimed.Job;
        var plan = claimed.Export
            ?? throw new GenerationException(FailureCause.Rejected, "The export of this job no longer exists.");
        var scenes = plan.Scenes.Select(s => s with { VideoFile = Resolve(s.VideoFile), AudioFile = Resolve(s.AudioFile), ImageFile = Resolve(s.ImageFile) });
        return new LaneWork
        {
            JobId = job.Id,
            Kind = job.Kind,
            Attempt = job.Attempt,
            Prompt = "",
            Seed = 0,
            Width = plan.Width,
            Height = plan.Height,
            Export = plan with { Scenes = scenes.ToArray() },
            OutputDirectory = media.DirectoryFor(job.ProjectId, sentenceId: null),
            // Per claim, like every other output (see above).
            OutputName = $"export-{plan.ExportId:N}-{claimed.Token:N}",
        };
    }

    /// <summary>What the work is made from, as its take will record it: only the inputs its kind uses.</summary>
    private static GenerationRecipe RecipeOf(LaneWork work, SentenceState sentence) => work.Kind switch
    {
        JobKind.Video => new GenerationRecipe
        {
            Prompt = work.Prompt, Seed = work.Seed, CameraMovement = work.CameraMovement, MotionStrength = work.MotionStrength,
            SourceImageTakeId = sentence.ImageTakeId, NarrationSeconds = sentence.AudioDuration,
        },
        JobKind.Audio => new GenerationRecipe { Prompt = work.Prompt },
        _ => new GenerationRecipe { Prompt = work.Prompt, Seed = work.Seed },
    };

    // A stored path that would leave the media root resolves to nothing, and the scene reads as missing.
    private string? Resolve(string? file) => file is null ? null : media.ToAbsolute(file);

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
