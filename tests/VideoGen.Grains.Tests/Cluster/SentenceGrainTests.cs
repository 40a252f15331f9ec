using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Projects;
using VideoGen.Grains.Scenes;

namespace VideoGen.Grains.Tests.Cluster;

[Collection(GrainClusterCollection.Name)]
public sealed class SentenceGrainTests(GrainCluster cluster)
{
    /// <summary>
    /// The rows of the dirty-rule table that a creator's command makes, as commands to the grains.
    /// The expected flags are read from the domain table itself, so both prove the same rules.
    /// </summary>
    private static readonly Dictionary<string, Func<IClusterClient, Sentence, Guid, Task>> Commands = new()
    {
        ["image prompt changed"] = (c, s, _) => Edit(c, s, new SentenceEdit { ImagePrompt = "a beach at dawn" }),
        ["image prompt unchanged"] = (c, s, _) => Edit(c, s, new SentenceEdit { ImagePrompt = s.ImagePrompt }),
        ["video prompt changed"] = (c, s, _) => Edit(c, s, new SentenceEdit { VideoPrompt = "waves crashing" }),
        ["video prompt unchanged"] = (c, s, _) => Edit(c, s, new SentenceEdit { VideoPrompt = s.VideoPrompt }),
        ["camera movement changed"] = (c, s, _) => Edit(c, s, new SentenceEdit { CameraMovement = CameraMovement.ZoomIn }),
        ["camera movement unchanged"] = (c, s, _) => Edit(c, s, new SentenceEdit { CameraMovement = s.CameraMovement }),
        ["motion strength changed"] = (c, s, _) => Edit(c, s, new SentenceEdit { MotionStrength = 0.9 }),
        ["motion strength unchanged"] = (c, s, _) => Edit(c, s, new SentenceEdit { MotionStrength = s.MotionStrength }),
        ["text changed"] = (c, s, _) => Edit(c, s, new SentenceEdit { Text = "The tide rolls out." }),
        ["text unchanged"] = (c, s, _) => Edit(c, s, new SentenceEdit { Text = s.Text }),
        ["seed changed"] = (c, s, _) => Edit(c, s, new SentenceEdit { Seed = 7, SeedSet = true }),
        ["edit of image prompt only"] = (c, s, _) => Edit(c, s, new SentenceEdit { ImagePrompt = "a beach at dawn" }),
        ["edit of video prompt, movement and strength"] = (c, s, _) =>
            Edit(c, s, new SentenceEdit { VideoPrompt = "x", CameraMovement = CameraMovement.PanLeft, MotionStrength = 0.1 }),
        ["edit carrying only current values"] = (c, s, _) => Edit(c, s, new SentenceEdit
        {
            Text = s.Text, ImagePrompt = s.ImagePrompt, VideoPrompt = s.VideoPrompt, CameraMovement = s.CameraMovement,
            MotionStrength = s.MotionStrength, Seed = s.Seed, SeedSet = true,
        }),
        ["edit of text and image prompt"] = (c, s, _) => Edit(c, s, new SentenceEdit { Text = "New words.", ImagePrompt = "new picture" }),
        ["narration voice or speed changed"] = (c, s, owner) =>
            c.GetGrain<IProjectGrain>(s.ProjectId).ChangeNarration(owner, new NarrationSettings("en-gb", 1.25)),
    };

    public static TheoryData<string> CommandRows => new(Commands.Keys);

    [Theory]
    [MemberData(nameof(CommandRows))]
    public async Task Command_OnGeneratedScene_SetsTheFlagsOfTheRuleTable(string row)
    {
        var expected = SentenceDirtyRulesTests.Rules.Single(r => (string)r[0] == row);
        var sentence = await cluster.GeneratedSceneAsync();

        await Commands[row](cluster.Client, sentence, cluster.Owner);

        var saved = await cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None);
        Assert.NotNull(saved);
        Assert.Equal(((bool)expected[1], (bool)expected[2], (bool)expected[3]), (saved.IsImageDirty, saved.IsVideoDirty, saved.IsAudioDirty));
    }

    [Fact]
    public async Task Edit_ByEightCallersAtOnce_LosesNoEdit()
    {
        var sentence = (await cluster.ImportAsync(1)).Sentences.Single();
        var grain = cluster.Client.GetGrain<ISentenceGrain>(sentence.Id);
        SentenceEdit[] edits =
        [
            new() { Text = "Caller zero speaks." }, new() { ImagePrompt = "caller one's picture" },
            new() { VideoPrompt = "caller two's motion" }, new() { CameraMovement = CameraMovement.TiltUp },
            new() { MotionStrength = 0.83 }, new() { Seed = 4242, SeedSet = true },
            new() { Text = "Caller six speaks." }, new() { ImagePrompt = "caller seven's picture" },
        ];

        var saved = await Task.WhenAll(edits.Select(edit => Task.Run(() => grain.Edit(edit))));

        Assert.All(saved, Assert.True);
        var after = await cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None);
        Assert.NotNull(after);
        Assert.Equal(sentence.Version + edits.Length, after.Version);
        Assert.Equal(("caller two's motion", CameraMovement.TiltUp, 0.83, 4242L),
            (after.VideoPrompt, after.CameraMovement, after.MotionStrength, after.Seed ?? -1));
        Assert.Contains(after.Text, new[] { "Caller zero speaks.", "Caller six speaks." });
        Assert.Contains(after.ImagePrompt, new[] { "caller one's picture", "caller seven's picture" });
    }

    [Fact]
    public async Task Edit_OfUnknownSentence_AnswersFalse() =>
        Assert.False(await cluster.Client.GetGrain<ISentenceGrain>(Guid.NewGuid()).Edit(new SentenceEdit { Text = "Nobody." }));

    [Fact]
    public async Task RegenerateImage_RepeatedWithItsRequestId_QueuesOneJob()
    {
        var sentence = (await cluster.ImportAsync(1)).Sentences.Single();
        var grain = cluster.Client.GetGrain<ISentenceGrain>(sentence.Id);
        var requestId = Guid.NewGuid();

        var first = await grain.RegenerateImage(requestId, seed: 11, skipVideo: false);
        var retried = await grain.RegenerateImage(requestId, seed: 11, skipVideo: false);
        var another = await grain.RegenerateImage(Guid.NewGuid(), seed: 11, skipVideo: false);

        Assert.NotNull(first.JobId);
        Assert.Equal(first, retried);
        Assert.Null(another.JobId);
        Assert.Equal(ValidationErrorKind.Conflict, Assert.Single(another.Errors).Kind);
        var saved = await cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None);
        Assert.Equal((AssetStatus.Queued, 11L), (saved!.ImageStatus, saved.Seed ?? -1));
    }

    [Fact]
    public async Task RegenerateVideo_WithoutImage_IsRefusedAndQueuesNothing()
    {
        var sentence = (await cluster.ImportAsync(1)).Sentences.Single();

        var answer = await cluster.Client.GetGrain<ISentenceGrain>(sentence.Id).RegenerateVideo(Guid.NewGuid(), seed: null);

        Assert.Null(answer.JobId);
        Assert.Equal(ValidationErrorKind.Conflict, Assert.Single(answer.Errors).Kind);
        var saved = await cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None);
        Assert.Equal(AssetStatus.Idle, saved!.VideoStatus);
    }

    [Fact]
    public async Task CancelActive_AfterRegenerate_CancelsTheSceneJobsOnly()
    {
        var sentences = (await cluster.ImportAsync(2)).Sentences.ToArray();
        var scene = cluster.Client.GetGrain<ISentenceGrain>(sentences[0].Id);
        var other = cluster.Client.GetGrain<ISentenceGrain>(sentences[1].Id);
        var job = (await scene.RegenerateImage(Guid.NewGuid(), null, false)).JobId!.Value;
        var otherJob = (await other.RegenerateImage(Guid.NewGuid(), null, false)).JobId!.Value;

        Assert.False(await scene.CancelJob(otherJob));
        Assert.Equal(1, await scene.CancelActive());

        var jobs = new Jobs.JobReader(cluster.Database.Database);
        Assert.Equal(JobStatus.Cancelled, (await jobs.GetAsync(job, CancellationToken.None))!.Status);
        Assert.Equal(JobStatus.Queued, (await jobs.GetAsync(otherJob, CancellationToken.None))!.Status);
    }

    private static async Task Edit(IClusterClient client, Sentence sentence, SentenceEdit edit) =>
        Assert.True(await client.GetGrain<ISentenceGrain>(sentence.Id).Edit(edit));
}
