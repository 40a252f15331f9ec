using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>A row of <c>takes</c>, column for column.</summary>
internal sealed class TakeRow
{
    public const string Columns =
        "id, sentence_id, project_id, job_id, kind, file, seed, prompt, camera_movement, motion_strength, source_image_take_id, " +
        "narration_seconds, workflow_name, workflow_hash, device, duration_seconds, created_at";

    public const string Values =
        "@Id, @SentenceId, @ProjectId, @JobId, @Kind, @File, @Seed, @Prompt, @CameraMovement, @MotionStrength, @SourceImageTakeId, " +
        "@NarrationSeconds, @WorkflowName, @WorkflowHash, @Device, @DurationSeconds, @CreatedAt";

    public Guid Id { get; set; }
    public Guid SentenceId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid? JobId { get; set; }
    public int Kind { get; set; }
    public string File { get; set; } = "";
    public long? Seed { get; set; }
    public string? Prompt { get; set; }
    public int? CameraMovement { get; set; }
    public double? MotionStrength { get; set; }
    public Guid? SourceImageTakeId { get; set; }
    public double? NarrationSeconds { get; set; }
    public string? WorkflowName { get; set; }
    public string? WorkflowHash { get; set; }
    public string Device { get; set; } = "";
    public double? DurationSeconds { get; set; }
    public long CreatedAt { get; set; }

    public Take ToTake() => new()
    {
        Id = Id, SentenceId = SentenceId, ProjectId = ProjectId, JobId = JobId, Kind = (AssetKind)Kind, File = File,
        Recipe = new GenerationRecipe
        {
            Prompt = Prompt, Seed = Seed, CameraMovement = (CameraMovement?)CameraMovement, MotionStrength = MotionStrength,
            SourceImageTakeId = SourceImageTakeId, NarrationSeconds = NarrationSeconds, WorkflowName = WorkflowName, WorkflowHash = WorkflowHash,
        },
        Device = Device, DurationSeconds = DurationSeconds, CreatedAt = UnixTime.FromMs(CreatedAt),
    };

    public static TakeRow From(Take t) => new()
    {
        Id = t.Id, SentenceId = t.SentenceId, ProjectId = t.ProjectId, JobId = t.JobId, Kind = (int)t.Kind, File = t.File,
        Seed = t.Recipe.Seed, Prompt = t.Recipe.Prompt, CameraMovement = (int?)t.Recipe.CameraMovement, MotionStrength = t.Recipe.MotionStrength,
        SourceImageTakeId = t.Recipe.SourceImageTakeId, NarrationSeconds = t.Recipe.NarrationSeconds,
        WorkflowName = t.Recipe.WorkflowName, WorkflowHash = t.Recipe.WorkflowHash,
        Device = t.Device, DurationSeconds = t.DurationSeconds, CreatedAt = UnixTime.ToMs(t.CreatedAt),
    };
}
