using VideoGen.Grains.Domain;

namespace VideoGen.Silo.Devices;

/// <summary>
/// What actually renders: a ComfyUI server or the CPU preview renderer. A lane hands it one
/// piece of work at a time; it reports progress, writes exactly one output file into
/// <see cref="LaneWork.OutputDirectory"/>, and stops promptly when cancelled (throwing
/// <see cref="OperationCanceledException"/>). Failures are <see cref="GenerationException"/>s
/// that say whether another attempt could succeed.
/// </summary>
public interface IDeviceBackend
{
    Task<LaneOutput> RunAsync(LaneWork work, IProgress<LaneProgress> progress, CancellationToken ct);

    /// <summary>
    /// Whether the backend prepares work before its turn at the device and leaves the device before it
    /// fetches the output (see <see cref="DeviceTurn"/>): its lane then claims the next job while one
    /// computes. A backend that does not runs its whole work inside its turn, one job after another.
    /// </summary>
    bool PreparesAhead => false;

    /// <summary>Runs the work inside <paramref name="turn"/>: by default the whole of it, as <see cref="RunAsync(LaneWork, IProgress{LaneProgress}, CancellationToken)"/>.</summary>
    async Task<LaneOutput> RunAsync(LaneWork work, IProgress<LaneProgress> progress, DeviceTurn turn, CancellationToken ct)
    {
        await turn.WaitAsync(ct);
        try
        {
            return await RunAsync(work, progress, ct);
        }
        finally
        {
            turn.Leave();
        }
    }

    /// <summary>
    /// Why the backend cannot take work now, in words for the operator (ComfyUI does not answer
    /// <c>/system_stats</c>, ffmpeg does not run, the preview's font is missing); null when it can.
    /// </summary>
    Task<string?> HealthProblemAsync(CancellationToken ct);

    /// <summary>
    /// Stops work this lane left on its device in an earlier life of its silo (killed mid-job and
    /// started again on the same box): the job has gone back to the queue, and the leftover would
    /// hold the device while it runs again. Called before the lane's first claim; how many it stopped.
    /// </summary>
    Task<int> StopLeftoversAsync(CancellationToken ct) => Task.FromResult(0);
}

/// <summary>One image, clip, narration or final cut to render.</summary>
public sealed record LaneWork
{
    public required Guid JobId { get; init; }
    public required JobKind Kind { get; init; }
    public int Attempt { get; init; } = 1;

    /// <summary>The sentence's narration text (the preview writes its first words on the still).</summary>
    public string Text { get; init; } = "";

    /// <summary>The image prompt for an image, the video prompt for a clip.</summary>
    public required string Prompt { get; init; }

    public string NegativePrompt { get; init; } = "";
    public required long Seed { get; init; }
    public required int Width { get; init; }
    public required int Height { get; init; }

    /// <summary>For a clip: the stored image it starts from (absolute path).</summary>
    public string? StartImagePath { get; init; }

    /// <summary>For a clip: how long it should last (the narration's length, or <see cref="ClipLength.DefaultSeconds"/>).</summary>
    public double ClipSeconds { get; init; } = ClipLength.DefaultSeconds;

    /// <summary>For a clip: the longest clip in frames (4k+1).</summary>
    public int MaxFrames { get; init; } = ClipLength.DefaultMaxFrames;

    public CameraMovement CameraMovement { get; init; }
    public double MotionStrength { get; init; } = 0.5;

    /// <summary>For narration: the project's voice, or null for the speech engine's configured voice.</summary>
    public string? NarrationVoice { get; init; }

    /// <summary>For narration: the pace relative to the voice's normal pace.</summary>
    public double NarrationSpeed { get; init; } = 1.0;

    /// <summary>For a final cut: the export and its scenes, with absolute paths to their files.</summary>
    public ExportPlan? Export { get; init; }

    /// <summary>The folder the output file goes into (exists already).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The output file's name without extension; the backend adds the extension of what it made.</summary>
    public required string OutputName { get; init; }

    /// <summary>What the work is made from, kept with its take; the backend adds the workflow it sent.</summary>
    public GenerationRecipe Recipe { get; init; } = GenerationRecipe.Unknown;
}

/// <summary>
/// The file a backend wrote (absolute path, inside the work's output directory); for narration
/// and final cuts how long it lasts; for a final cut its thumbnail and subtitles beside it; the
/// workflow it ran (name and SHA-256 of the workflow as submitted), when it ran one.
/// </summary>
public sealed record LaneOutput(string FilePath, double? DurationSeconds = null, string? ThumbnailPath = null, string? SubtitlesPath = null,
    string? WorkflowName = null, string? WorkflowHash = null);

/// <summary>How far the work is (0..1) and what it is doing ("sampling 12/30").</summary>
public sealed record LaneProgress(double Fraction, string? Step);

/// <summary>Why generation failed, which decides what happens next.</summary>
public enum FailureCause
{
    /// <summary>Network error, 5xx, dropped WebSocket, a restarted server: another attempt may succeed.</summary>
    Transient = 0,

    /// <summary>The workflow or the input was refused (HTTP 400, bad template, missing model): retrying cannot help.</summary>
    Rejected = 1,

    /// <summary>Out of GPU memory even after asking the server to free memory.</summary>
    OutOfMemory = 2,
}

/// <summary>A generation that failed, with its cause and a message the creator or operator can act on.</summary>
public sealed class GenerationException(FailureCause cause, string message, Exception? inner = null) : Exception(message, inner)
{
    public FailureCause Cause { get; } = cause;
}
