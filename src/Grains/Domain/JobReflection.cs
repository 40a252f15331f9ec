namespace VideoGen.Grains.Domain;

/// <summary>How a job's state shows on the asset of its sentence that it generates.</summary>
public static class JobReflection
{
    /// <summary>The asset a kind of job generates; null for work that belongs to no sentence (an export).</summary>
    public static AssetKind? AssetOf(JobKind kind) => kind switch
    {
        JobKind.Image => AssetKind.Image,
        JobKind.Video => AssetKind.Video,
        JobKind.Audio => AssetKind.Audio,
        _ => null,
    };

    /// <summary>
    /// The asset status a job in <paramref name="status"/> gives its asset: waiting, running,
    /// failed, or idle again once cancelled. Null for success: storing the new file sets the
    /// asset idle, with its dirty flags.
    /// </summary>
    public static AssetStatus? AssetStatusOf(JobStatus status) => status switch
    {
        JobStatus.Queued => AssetStatus.Queued,
        JobStatus.Running => AssetStatus.Running,
        JobStatus.Failed => AssetStatus.Failed,
        JobStatus.Cancelled => AssetStatus.Idle,
        _ => null,
    };
}
