using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Scenes;
using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Tests.Cluster;

/// <summary>
/// Takes through the scene's grain: jobs are queued through it, taken as a lane takes them, and
/// their outputs stored through it. These take jobs off the queue, so the class has a cluster and
/// store of its own.
/// </summary>
public sealed class TakeGrainTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private TakeStore Takes => new(cluster.Database.Database, TimeProvider.System);

    [Fact]
    public async Task RegenerateImage_Twice_KeepsTwoImageTakesTheNewerActive()
    {
        var sentence = (await cluster.ImportAsync(1)).Sentences.Single();

        var first = await ImageAsync(sentence, seed: 11);
        var second = await ImageAsync(sentence, seed: 12);

        var takes = await Takes.ListAsync(sentence.Id, CancellationToken.None);
        Assert.Equal([second, first], takes.Select(t => t.File));
        Assert.Equal([12L, 11L], takes.Select(t => t.Recipe.Seed ?? -1));
        var saved = await cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None);
        Assert.Equal((second, takes[0].Id, 12L), (saved!.ImageFile, saved.ImageTakeId ?? Guid.Empty, saved.ImageSeed ?? -1));
    }

    [Fact]
    public async Task ActivateTake_OfTheOlderImage_ShowsItAgainAndMakesTheClipStale()
    {
        var sentence = (await cluster.ImportAsync(1)).Sentences.Single();
        var older = await ImageAsync(sentence, seed: 1);
        await ImageAsync(sentence, seed: 2);
        await ClipAsync(sentence);
        var grain = cluster.Client.GetGrain<ISentenceGrain>(sentence.Id);
        var olderTake = (await Takes.ListAsync(sentence.Id, CancellationToken.None)).Single(t => t.File == older);

        var result = await grain.ActivateTake(olderTake.Id);

        Assert.True(result.Succeeded);
        var saved = await cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None);
        Assert.Equal((older, 1L, true, ClipStaleReasons.Image), (saved!.ImageFile, saved.ImageSeed ?? -1, saved.IsVideoDirty, saved.VideoStaleReasons));
        Assert.Equal(AssetStatus.Idle, saved.ImageStatus);
    }

    [Fact]
    public async Task ActivateTake_OfTheClipMadeFromTheActiveImage_LeavesTheVideoClean()
    {
        var sentence = (await cluster.ImportAsync(1)).Sentences.Single();
        await ImageAsync(sentence, seed: 1);
        var firstClip = await ClipAsync(sentence);
        await ImageAsync(sentence, seed: 2);
        await ClipAsync(sentence);
        var takes = await Takes.ListAsync(sentence.Id, CancellationToken.None);
        var grain = cluster.Client.GetGrain<ISentenceGrain>(sentence.Id);

        Assert.True((await grain.ActivateTake(takes.Single(t => t.Recipe.Seed == 1 && t.Kind == AssetKind.Image).Id)).Succeeded);
        var imageOnly = await cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None);
        Assert.True((await grain.ActivateTake(takes.Single(t => t.File == firstClip).Id)).Succeeded);

        var saved = await cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None);
        Assert.True(imageOnly!.IsVideoDirty);
        Assert.Equal((firstClip, false, ClipStaleReasons.None), (saved!.VideoFile, saved.IsVideoDirty, saved.VideoStaleReasons));
    }

    [Fact]
    public async Task Variations_OfFour_AddFourTakesAndLeaveTheActiveImage()
    {
        var sentence = (await cluster.ImportAsync(1)).Sentences.Single();
        var image = await ImageAsync(sentence, seed: 5);
        var grain = cluster.Client.GetGrain<ISentenceGrain>(sentence.Id);

        var queued = await grain.Variations(Guid.NewGuid(), 4);
        var files = await CompleteAllAsync(queued.JobIds);

        Assert.Equal(4, queued.JobIds.Count);
        var takes = await Takes.ListAsync(sentence.Id, CancellationToken.None);
        Assert.Equal(5, takes.Count);
        Assert.Equal(4, takes.Where(t => files.Contains(t.File)).Select(t => t.Recipe.Seed).Distinct().Count());
        var saved = await cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None);
        Assert.Equal((image, 5L, AssetStatus.Idle, AssetStatus.Idle), (saved!.ImageFile, saved.ImageSeed ?? -1, saved.ImageStatus, saved.VideoStatus));
        var jobs = new JobReader(cluster.Database.Database);
        Assert.Empty(await jobs.ActiveForSentenceAsync(sentence.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Variations_OnSceneWithoutImage_MakeTheFirstToFinishActive()
    {
        var sentence = (await cluster.ImportAsync(1)).Sentences.Single();
        var grain = cluster.Client.GetGrain<ISentenceGrain>(sentence.Id);

        var files = await CompleteAllAsync((await grain.Variations(Guid.NewGuid(), 2)).JobIds);

        var saved = await cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None);
        Assert.Equal(files[0], saved!.ImageFile);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public async Task Variations_WithACountOutOfRange_AreRefusedAndQueueNothing(int count)
    {
        var sentence = (await cluster.ImportAsync(1)).Sentences.Single();

        var answer = await cluster.Client.GetGrain<ISentenceGrain>(sentence.Id).Variations(Guid.NewGuid(), count);

        Assert.Equal(("count", 0), (Assert.Single(answer.Errors).Field, answer.JobIds.Count));
        Assert.Empty(await new JobReader(cluster.Database.Database).ActiveForSentenceAsync(sentence.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Pruning_AtTheBound_KeepsTheActiveTakeAndDeletesTheOldestOther()
    {
        var sentence = (await cluster.ImportAsync(1)).Sentences.Single();
        var active = await ImageAsync(sentence, seed: 1);
        var grain = cluster.Client.GetGrain<ISentenceGrain>(sentence.Id);
        var queued = await grain.Variations(Guid.NewGuid(), GrainCluster.KeepPerAsset);
        var discarded = new List<string>();

        var files = await CompleteAllAsync(queued.JobIds, discarded);

        var kept = (await Takes.ListAsync(sentence.Id, CancellationToken.None)).Select(t => t.File).ToArray();
        Assert.Equal(GrainCluster.KeepPerAsset, kept.Length);
        Assert.Contains(active, kept);
        Assert.Equal([files[0]], discarded);
        Assert.DoesNotContain(files[0], kept);
    }

    [Fact]
    public async Task DeleteTake_OfTheActiveOne_IsRefusedAndOfAnOlderOneNamesItsFile()
    {
        var sentence = (await cluster.ImportAsync(1)).Sentences.Single();
        var older = await ImageAsync(sentence, seed: 1);
        await ImageAsync(sentence, seed: 2);
        var takes = await Takes.ListAsync(sentence.Id, CancellationToken.None);
        var grain = cluster.Client.GetGrain<ISentenceGrain>(sentence.Id);

        var refused = await grain.DeleteTake(takes[0].Id);
        var deleted = await grain.DeleteTake(takes[1].Id);
        var again = await grain.DeleteTake(takes[1].Id);

        Assert.Equal(ValidationErrorKind.Conflict, Assert.Single(refused.Errors).Kind);
        Assert.Equal((true, older), (deleted.Succeeded, deleted.DeletedFile));
        Assert.Equal(ValidationErrorKind.NotFound, Assert.Single(again.Errors).Kind);
        Assert.Equal([takes[0].Id], (await Takes.ListAsync(sentence.Id, CancellationToken.None)).Select(t => t.Id));
    }

    [Fact]
    public async Task ActivateTake_OfAnotherScenesTake_IsNotFound()
    {
        var scenes = (await cluster.ImportAsync(2)).Sentences.ToArray();
        await ImageAsync(scenes[0], seed: 1);
        var theirs = (await Takes.ListAsync(scenes[0].Id, CancellationToken.None)).Single();

        var answer = await cluster.Client.GetGrain<ISentenceGrain>(scenes[1].Id).ActivateTake(theirs.Id);

        Assert.Equal(ValidationErrorKind.NotFound, Assert.Single(answer.Errors).Kind);
    }

    [Fact]
    public async Task ReuseTake_OfAnOlderImage_PutsItsSeedBack()
    {
        var sentence = (await cluster.ImportAsync(1)).Sentences.Single();
        await ImageAsync(sentence, seed: 31);
        await ImageAsync(sentence, seed: 32);
        var older = (await Takes.ListAsync(sentence.Id, CancellationToken.None))[1];

        Assert.True((await cluster.Client.GetGrain<ISentenceGrain>(sentence.Id).ReuseTake(older.Id)).Succeeded);

        var saved = await cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None);
        Assert.Equal((31L, 32L, false), (saved!.Seed ?? -1, saved.ImageSeed ?? -1, saved.IsImageDirty));
    }

    /// <summary>A new image with <paramref name="seed"/>, no clip, stored through the grain as a lane would; returns its file.</summary>
    private async Task<string> ImageAsync(Sentence sentence, long seed)
    {
        var queued = await cluster.Client.GetGrain<ISentenceGrain>(sentence.Id).RegenerateImage(Guid.NewGuid(), seed, skipVideo: true);
        return (await CompleteAllAsync([queued.JobId!.Value]))[0];
    }

    /// <summary>A new clip of the scene's image, stored through the grain with what the lane made it from; returns its file.</summary>
    private async Task<string> ClipAsync(Sentence sentence)
    {
        var queued = await cluster.Client.GetGrain<ISentenceGrain>(sentence.Id).RegenerateVideo(Guid.NewGuid(), seed: null);
        return (await CompleteAllAsync([queued.JobId!.Value]))[0];
    }

    /// <summary>Takes the jobs off the queue in order as a lane would and stores each; returns their files, adding what the store discarded.</summary>
    private async Task<IReadOnlyList<string>> CompleteAllAsync(IReadOnlyList<Guid> jobIds, List<string>? discarded = null)
    {
        var files = new List<string>();
        foreach (var jobId in jobIds)
        {
            var claimed = await cluster.ClaimAsync(Lane.Image) ?? await cluster.ClaimAsync(Lane.Video);
            Assert.Equal(jobId, claimed?.Job.Id);
            var scene = claimed!.Sentence!;
            var file = $"projects/{scene.ProjectId:N}/{scene.Id:N}/{claimed.Job.Kind}-{jobId:N}".ToLowerInvariant();
            var recipe = claimed.Job.Kind == JobKind.Video
                ? new GenerationRecipe
                {
                    Prompt = scene.VideoPrompt, Seed = claimed.Job.Seed, CameraMovement = scene.CameraMovement, MotionStrength = scene.MotionStrength,
                    SourceImageTakeId = scene.ImageTakeId, NarrationSeconds = scene.AudioDuration,
                }
                : new GenerationRecipe { Prompt = scene.ImagePrompt, Seed = claimed.Job.Seed };
            var result = await cluster.Client.GetGrain<ISentenceGrain>(scene.Id).CompleteJob(jobId, claimed.Token, new JobOutput(file, Recipe: recipe));
            Assert.True(result.Accepted);
            discarded?.AddRange(result.Discarded ?? []);
            files.Add(file);
        }
        return files;
    }
}
