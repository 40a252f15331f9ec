namespace VideoGen.Grains.Domain;

/// <summary>
/// One finished generation of a scene's image, clip or narration, kept with what made it, so it can
/// be compared, picked again and reproduced. A take never changes; the scene points at its active
/// take of each kind.
/// </summary>
public sealed record Take
{
    public required Guid Id { get; init; }
    public required Guid SentenceId { get; init; }
    public required Guid ProjectId { get; init; }

    /// <summary>The job that made it.</summary>
    public Guid? JobId { get; init; }

    public required AssetKind Kind { get; init; }

    /// <summary>The file, relative to the media root.</summary>
    public required string File { get; init; }

    public required GenerationRecipe Recipe { get; init; }

    /// <summary>The device that rendered it.</summary>
    public required string Device { get; init; }

    /// <summary>How long the clip or narration lasts; null for an image.</summary>
    public double? DurationSeconds { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The take a finished job of a scene made: <paramref name="file"/> and, for narration, its
    /// <paramref name="durationSeconds"/>; a clip lasts the narration it was timed to. A lane that
    /// did not say what it sent leaves everything but the job's seed unknown.
    /// </summary>
    public static Take Made(GenerationJob job, string file, double? durationSeconds, GenerationRecipe? recipe, DateTimeOffset now)
    {
        if (job.SentenceId is not { } sentenceId || JobReflection.AssetOf(job.Kind) is not { } kind)
            throw new DomainException($"Job {job.Id} makes no take: it is not a scene's image, clip or narration.");
        if (string.IsNullOrWhiteSpace(file)) throw new DomainException("A take needs a file.");
        if (kind == AssetKind.Audio && durationSeconds is not > 0) throw new DomainException("A narration take needs its duration.");
        var made = recipe ?? GenerationRecipe.Unknown with { Seed = kind == AssetKind.Audio ? null : job.Seed };
        return new Take
        {
            Id = Guid.CreateVersion7(now),
            SentenceId = sentenceId,
            ProjectId = job.ProjectId,
            JobId = job.Id,
            Kind = kind,
            File = file,
            Recipe = made,
            Device = job.Device ?? "unknown",
            DurationSeconds = kind switch
            {
                AssetKind.Audio => durationSeconds,
                AssetKind.Video => durationSeconds ?? made.NarrationSeconds ?? ClipLength.DefaultSeconds,
                _ => null,
            },
            CreatedAt = now,
        };
    }
}
