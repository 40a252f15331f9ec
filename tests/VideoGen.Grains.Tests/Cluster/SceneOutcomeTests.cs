using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Projects;
using VideoGen.Grains.Scenes;

namespace VideoGen.Grains.Tests.Cluster;

/// <summary>
/// The rows of the dirty-rule table that a finished job makes: the job is queued through the
/// scene's grain, taken as a lane takes it, and its output stored through the grain. Each class
/// of these takes jobs off the queue, so it has a cluster and store of its own.
/// </summary>
public sealed class SceneOutcomeTests : IClassFixture<GrainCluster>
{
    private readonly GrainCluster _cluster;

    public SceneOutcomeTests(GrainCluster cluster) => _cluster = cluster;

    private static readonly Dictionary<string, Func<SceneOutcomeTests, Sentence, Task>> Outcomes = new()
    {
        ["new image stored"] = (t, s) => t.StoreAsync(s, JobKind.Image, "images/b.png"),
        ["image prompt changed, then new image stored"] = async (t, s) =>
        {
            await t.EditAsync(s, new SentenceEdit { ImagePrompt = "a beach at dawn" });
            await t.StoreAsync(s, JobKind.Image, "images/b.png");
        },
        ["image prompt changed, then new video stored"] = async (t, s) =>
        {
            await t.EditAsync(s, new SentenceEdit { ImagePrompt = "a beach at dawn" });
            await t.StoreAsync(s, JobKind.Video, "videos/b.mp4");
        },
        ["video prompt changed, then new video stored"] = async (t, s) =>
        {
            await t.EditAsync(s, new SentenceEdit { VideoPrompt = "waves crashing" });
            await t.StoreAsync(s, JobKind.Video, "videos/b.mp4");
        },
        ["new audio of the same length"] = (t, s) => t.StoreAsync(s, JobKind.Audio, "audio/b.wav", 3.0),
        ["new audio of another length"] = (t, s) => t.StoreAsync(s, JobKind.Audio, "audio/b.wav", 4.2),
        ["text changed, then new audio of the same length"] = async (t, s) =>
        {
            await t.EditAsync(s, new SentenceEdit { Text = "The tide rolls out." });
            await t.StoreAsync(s, JobKind.Audio, "audio/b.wav", 3.0);
        },
        ["text changed, then new audio of another length"] = async (t, s) =>
        {
            await t.EditAsync(s, new SentenceEdit { Text = "The tide rolls out." });
            await t.StoreAsync(s, JobKind.Audio, "audio/b.wav", 2.5);
        },
        ["narration restyled, then new audio of another length"] = async (t, s) =>
        {
            await t._cluster.Client.GetGrain<IProjectGrain>(s.ProjectId).ChangeNarration(t._cluster.Owner, new NarrationSettings("en-gb", 0.8));
            await t.StoreAsync(s, JobKind.Audio, "audio/b.wav", 2.0);
        },
    };

    public static TheoryData<string> OutcomeRows => new(Outcomes.Keys);

    [Fact]
    public void CommandAndOutcomeRows_CoverTheWholeRuleTable() =>
        Assert.Equal(SentenceDirtyRulesTests.Rules.Select(r => (string)r[0]).Order(),
            SentenceGrainTests.CommandRows.Concat<object[]>(OutcomeRows).Select(r => (string)r[0]).Order());

    [Theory]
    [MemberData(nameof(OutcomeRows))]
    public async Task Outcome_OnGeneratedScene_SetsTheFlagsOfTheRuleTable(string row)
    {
        var expected = SentenceDirtyRulesTests.Rules.Single(r => (string)r[0] == row);
        var sentence = await _cluster.GeneratedSceneAsync();

        await Outcomes[row](this, sentence);

        var saved = await _cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None);
        Assert.Equal(((bool)expected[1], (bool)expected[2], (bool)expected[3]), (saved!.IsImageDirty, saved.IsVideoDirty, saved.IsAudioDirty));
    }

    [Fact]
    public async Task CompleteJob_OfACascadingImage_StoresItAndQueuesTheClip()
    {
        var sentence = (await _cluster.ImportAsync(1)).Sentences.Single();
        var grain = _cluster.Client.GetGrain<ISentenceGrain>(sentence.Id);
        await grain.RegenerateImage(Guid.NewGuid(), seed: 5, skipVideo: false);
        var claimed = await _cluster.ClaimAsync(Lane.Image);

        var result = await grain.CompleteJob(claimed!.Job.Id, claimed.Token, new JobOutput($"images/{claimed.Job.Id}.png"));

        Assert.True(result.Accepted);
        var clip = await new JobReader(_cluster.Database.Database).GetAsync(result.CascadedJobId!.Value, CancellationToken.None);
        Assert.Equal((JobKind.Video, JobStatus.Queued, sentence.Id), (clip!.Kind, clip.Status, clip.SentenceId!.Value));
        var saved = await _cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None);
        Assert.Equal(($"images/{claimed.Job.Id}.png", AssetStatus.Queued), (saved!.ImageFile, saved.VideoStatus));
        Assert.True(await grain.CancelJob(clip.Id));
    }

    [Fact]
    public async Task CompleteJob_WithAnotherClaimToken_IsRejectedAndStoresNothing()
    {
        var sentence = (await _cluster.ImportAsync(1)).Sentences.Single();
        var grain = _cluster.Client.GetGrain<ISentenceGrain>(sentence.Id);
        await grain.RegenerateImage(Guid.NewGuid(), seed: null, skipVideo: true);
        var claimed = await _cluster.ClaimAsync(Lane.Image);

        var result = await grain.CompleteJob(claimed!.Job.Id, Guid.NewGuid(), new JobOutput("images/zombie.png"));
        var failed = await grain.FailJob(claimed.Job.Id, Guid.NewGuid(), "a late failure");

        Assert.False(result.Accepted);
        Assert.False(failed);
        var saved = await _cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None);
        Assert.Equal(((string?)null, AssetStatus.Running), (saved!.ImageFile, saved.ImageStatus));
    }

    [Fact]
    public async Task FailJob_WithItsClaimToken_MarksTheSceneFailedWithTheReason()
    {
        var sentence = (await _cluster.ImportAsync(1)).Sentences.Single();
        var grain = _cluster.Client.GetGrain<ISentenceGrain>(sentence.Id);
        await grain.RegenerateImage(Guid.NewGuid(), seed: null, skipVideo: true);
        var claimed = await _cluster.ClaimAsync(Lane.Image);

        Assert.True(await grain.FailJob(claimed!.Job.Id, claimed.Token, "ComfyUI refused the workflow."));

        var saved = await _cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None);
        Assert.Equal((AssetStatus.Failed, "ComfyUI refused the workflow."), (saved!.ImageStatus, saved.LastError));
    }

    private async Task EditAsync(Sentence sentence, SentenceEdit edit) =>
        Assert.True(await _cluster.Client.GetGrain<ISentenceGrain>(sentence.Id).Edit(edit));

    /// <summary>Queues a job of <paramref name="kind"/> through the scene's grain, takes it as a lane would, and stores <paramref name="file"/> through the grain.</summary>
    private async Task StoreAsync(Sentence sentence, JobKind kind, string file, double? duration = null)
    {
        var grain = _cluster.Client.GetGrain<ISentenceGrain>(sentence.Id);
        var queued = kind switch
        {
            JobKind.Image => await grain.RegenerateImage(Guid.NewGuid(), seed: null, skipVideo: true),
            JobKind.Video => await grain.RegenerateVideo(Guid.NewGuid(), seed: null),
            _ => await grain.RegenerateAudio(Guid.NewGuid()),
        };
        Assert.NotNull(queued.JobId);
        var claimed = await _cluster.ClaimAsync(JobTransitions.LaneOf(kind));
        Assert.Equal(queued.JobId, claimed?.Job.Id);
        Assert.True((await grain.CompleteJob(claimed!.Job.Id, claimed.Token, new JobOutput(file, duration))).Accepted);
    }
}
