using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Tests;

public sealed class JobReflectionTests
{
    private static readonly DateTimeOffset Now = SceneStates.Now;

    /// <summary>A job of the scene in <paramref name="status"/>, reached through its legal moves.</summary>
    private static GenerationJob JobIn(Sentence scene, JobKind kind, JobStatus status, bool skipVideo = false)
    {
        var job = GenerationJob.Create(scene.ProjectId, scene.Id, kind, JobPriority.Bulk, Now, skipVideo, seed: 7, batchId: Guid.NewGuid());
        var token = Guid.NewGuid();
        if (status == JobStatus.Cancelled) job.Cancel(Now);
        if (status is JobStatus.Running or JobStatus.Succeeded or JobStatus.Failed) job.Claim("gpu-0", "silo-a", token, Now.AddSeconds(10), Now);
        if (status == JobStatus.Succeeded) job.Succeed(token, "out/x", Now);
        if (status == JobStatus.Failed) job.Fail(token, "ComfyUI ran out of memory", Now);
        Assert.Equal(status, job.Status);
        return job;
    }

    public static TheoryData<string, JobKind, JobStatus, AssetKind, AssetStatus> Reflections => new()
    {
        // scene, job kind, job status, the asset it shows on, that asset's status after
        { "fresh", JobKind.Image, JobStatus.Queued, AssetKind.Image, AssetStatus.Queued },
        { "fresh", JobKind.Image, JobStatus.Running, AssetKind.Image, AssetStatus.Running },
        { "fresh", JobKind.Image, JobStatus.Failed, AssetKind.Image, AssetStatus.Failed },
        { "image queued", JobKind.Image, JobStatus.Cancelled, AssetKind.Image, AssetStatus.Idle },
        { "image queued", JobKind.Image, JobStatus.Succeeded, AssetKind.Image, AssetStatus.Queued },
        { "image without clip", JobKind.Video, JobStatus.Queued, AssetKind.Video, AssetStatus.Queued },
        { "clip failed", JobKind.Video, JobStatus.Running, AssetKind.Video, AssetStatus.Running },
        { "clip failed", JobKind.Video, JobStatus.Cancelled, AssetKind.Video, AssetStatus.Idle },
        { "complete", JobKind.Audio, JobStatus.Running, AssetKind.Audio, AssetStatus.Running },
        { "complete", JobKind.Audio, JobStatus.Failed, AssetKind.Audio, AssetStatus.Failed },
    };

    [Theory]
    [MemberData(nameof(Reflections))]
    public void ReflectJob_InEachState_SetsOnlyItsAssetsStatus(string scene, JobKind kind, JobStatus status, AssetKind asset, AssetStatus expected)
    {
        var sentence = SceneStates.Scene(scene);
        var others = Enum.GetValues<AssetKind>().Where(a => a != asset).ToDictionary(a => a, sentence.StatusOf);

        var changed = sentence.ReflectJob(JobIn(sentence, kind, status), Now);

        Assert.Equal(expected, sentence.StatusOf(asset));
        Assert.Equal(others, Enum.GetValues<AssetKind>().Where(a => a != asset).ToDictionary(a => a, sentence.StatusOf));
        Assert.Equal(changed, sentence.PendingEvents.Count > 0);
    }

    [Fact]
    public void ReflectJob_Failed_KeepsTheJobsErrorOnTheSentence()
    {
        var sentence = SceneStates.Scene("fresh");

        sentence.ReflectJob(JobIn(sentence, JobKind.Video, JobStatus.Failed), Now);

        Assert.Equal("ComfyUI ran out of memory", sentence.LastError);
    }

    [Fact]
    public void ReflectJob_Cancelled_ClearsTheErrorOfTheOnlyFailedAsset()
    {
        var sentence = SceneStates.Scene("clip failed");

        sentence.ReflectJob(JobIn(sentence, JobKind.Video, JobStatus.Cancelled), Now);

        Assert.Null(sentence.LastError);
    }

    [Fact]
    public void ReflectJob_OfAnotherSentencesJob_Throws()
    {
        var sentence = SceneStates.Scene("fresh");
        var other = GenerationJob.Create(sentence.ProjectId, Guid.NewGuid(), JobKind.Image, JobPriority.Bulk, Now);

        Assert.Throws<DomainException>(() => sentence.ReflectJob(other, Now));
    }

    public static TheoryData<JobKind, bool, JobStatus, bool> FollowUps => new()
    {
        // job kind, image only asked, job status, a clip follows
        { JobKind.Image, false, JobStatus.Succeeded, true },
        { JobKind.Image, true, JobStatus.Succeeded, false },
        { JobKind.Image, false, JobStatus.Running, false },
        { JobKind.Image, false, JobStatus.Failed, false },
        { JobKind.Image, false, JobStatus.Cancelled, false },
        { JobKind.Video, false, JobStatus.Succeeded, false },
        { JobKind.Audio, false, JobStatus.Succeeded, false },
    };

    [Theory]
    [MemberData(nameof(FollowUps))]
    public void ClipToFollow_InEachState_IsQueuedOnlyAfterAnImageThatAskedForIt(JobKind kind, bool skipVideo, JobStatus status, bool follows)
    {
        var job = JobIn(SceneStates.Scene("fresh"), kind, status, skipVideo);

        var clip = job.ClipToFollow(SceneStates.Scene("fresh"), Now.AddSeconds(1));

        Assert.Equal(follows, clip is not null);
    }

    [Fact]
    public void ClipToFollow_TakesTheImagesSentencePrioritySeedAndBatch()
    {
        var job = JobIn(SceneStates.Scene("fresh"), JobKind.Image, JobStatus.Succeeded);

        var clip = Assert.IsType<GenerationJob>(job.ClipToFollow(SceneStates.Scene("fresh"), Now.AddSeconds(1)));

        Assert.Equal((JobKind.Video, JobStatus.Queued, job.SentenceId, job.Priority, job.Seed, job.BatchId),
            (clip.Kind, clip.Status, clip.SentenceId, clip.Priority, clip.Seed, clip.BatchId));
    }

    [Fact]
    public void ClipToFollow_OfASceneWhoseNarrationFailed_IsFailedWithTheNarrationsReason()
    {
        var scene = SceneStates.Scene("narration failed");
        var job = JobIn(scene, JobKind.Image, JobStatus.Succeeded);

        var clip = Assert.IsType<GenerationJob>(job.ClipToFollow(scene, Now.AddSeconds(1)));

        Assert.Equal((JobKind.Video, JobStatus.Failed, job.BatchId), (clip.Kind, clip.Status, clip.BatchId));
        Assert.Equal("The clip waits for its narration, which failed: espeak-ng is not installed.", FailureText.Headline(clip.Error!));
        Assert.Equal("No such file or directory", FailureText.Detail(clip.Error!));
    }

    public static TheoryData<JobKind, JobStatus, bool> NarrationFailures => new()
    {
        // job kind, job status, the job fails because its scene's narration failed
        { JobKind.Video, JobStatus.Queued, true },
        { JobKind.Video, JobStatus.Running, false },
        { JobKind.Video, JobStatus.Succeeded, false },
        { JobKind.Image, JobStatus.Queued, false },
        { JobKind.Audio, JobStatus.Queued, false },
    };

    [Theory]
    [MemberData(nameof(NarrationFailures))]
    public void FailForNarration_InEachState_FailsOnlyAQueuedClip(JobKind kind, JobStatus status, bool fails)
    {
        var job = JobIn(SceneStates.Scene("complete"), kind, status);

        var failed = job.FailForNarration("espeak-ng is not installed.", Now.AddSeconds(1));

        Assert.Equal(fails, failed);
        Assert.Equal(fails ? JobStatus.Failed : status, job.Status);
        Assert.Equal(fails, job.Error?.StartsWith("The clip waits for its narration, which failed: espeak-ng is not installed.", StringComparison.Ordinal) == true);
    }
}
