using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Web.Media;

namespace VideoGen.Web.Storyboard;

/// <summary>A sentence card and the inspector's live part: the sentence and the work running or waiting for it.</summary>
public sealed record SceneView(Sentence Sentence, IReadOnlyList<GenerationJob> ActiveJobs)
{
    public Guid Id => Sentence.Id;

    /// <summary>The scene's place in the whole project, counted from 1 across sections; null where the view was built without the project.</summary>
    public int? Number { get; init; }
    public Guid ProjectId => Sentence.ProjectId;
    public string? ImageUrl => MediaUrls.For(Sentence.ImageFile);
    public string? VideoUrl => MediaUrls.For(Sentence.VideoFile);
    public string? AudioUrl => MediaUrls.For(Sentence.AudioFile);

    public GenerationJob? ActiveJob(JobKind kind) => ActiveJobs.FirstOrDefault(j => j.Kind == kind);

    /// <summary>Work for this asset is waiting or running: its regenerate button is off.</summary>
    public bool Busy(JobKind kind) => ActiveJob(kind) is not null;

    public bool AnyBusy => ActiveJobs.Count > 0;

    public bool Failed => FailedAsset is not null;

    /// <summary>The asset whose last attempt failed, narration first (the clip waits for it), then image, then clip.</summary>
    public JobKind? FailedAsset =>
        Sentence.AudioStatus == AssetStatus.Failed ? JobKind.Audio
        : Sentence.ImageStatus == AssetStatus.Failed ? JobKind.Image
        : Sentence.VideoStatus == AssetStatus.Failed ? JobKind.Video
        : null;

    /// <summary>
    /// The cascade as the creator sees it: "Image → Video" while an image that will be followed
    /// by its clip is on its way, "Image ✓ → Video" once the clip is the step left.
    /// </summary>
    public string? Cascade
    {
        get
        {
            var image = ActiveJob(JobKind.Image);
            if (image is { ThenVideo: true }) return "Image → Video";
            if (image is not null) return "Image";
            return ActiveJob(JobKind.Video) is not null ? "Image ✓ → Video" : null;
        }
    }

    /// <summary>What runs now and how far it is, e.g. "generating image 40%", or what waits.</summary>
    public string? Step
    {
        get
        {
            var running = ActiveJobs.FirstOrDefault(j => j.Status == JobStatus.Running);
            if (running is not null)
            {
                var kind = running.Kind.ToString().ToLowerInvariant();
                // Claimed and prepared by its lane, while the device finishes the job before it.
                return running.Step == LaneSteps.UpNext ? $"{kind} up next on {running.Device}" : $"generating {kind} {running.Progress:0%}";
            }
            var waiting = ActiveJobs.FirstOrDefault();
            return waiting is null ? null : $"{waiting.Kind.ToString().ToLowerInvariant()} queued";
        }
    }

    /// <summary>
    /// Why the clip is out of date, as a sentence: "The clip is out of date: the image changed."
    /// A clip flagged before reasons were kept says only that it is out of date.
    /// </summary>
    public string StaleClip
    {
        get
        {
            var reasons = Sentence.VideoStaleReasons;
            var what = new List<string>(3);
            if (reasons.HasFlag(ClipStaleReasons.Image)) what.Add("the image");
            if (reasons.HasFlag(ClipStaleReasons.Settings)) what.Add("its settings");
            if (reasons.HasFlag(ClipStaleReasons.Narration)) what.Add("the narration's length");
            return what.Count == 0 ? "The clip is out of date." : $"The clip is out of date: {string.Join(" and ", what)} changed.";
        }
    }

    public double? Progress => ActiveJobs.FirstOrDefault(j => j.Status == JobStatus.Running)?.Progress;
}
