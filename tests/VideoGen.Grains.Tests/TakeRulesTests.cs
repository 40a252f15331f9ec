using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Tests;

public sealed class TakeRulesTests
{
    private static readonly DateTimeOffset Now = TakeScenes.Now;

    private static readonly Dictionary<string, Func<TakeScenes, bool>> Changes = new()
    {
        ["older image activated"] = t => t.Activate("old image"),
        ["older image, then the clip made from it activated"] = t => t.Activate("old image") & t.Activate("old clip"),
        ["clip made from the older image activated"] = t => t.Activate("old clip"),
        ["clip with another camera movement activated"] = t => t.Activate("zoom clip"),
        ["camera movement set to the zoom clip's, then it is activated"] = t =>
            t.Scene.ChangeCameraMovement(CameraMovement.ZoomIn, Now) & t.Activate("zoom clip"),
        ["image prompt changed, then the image made from it activated"] = t =>
            t.Scene.EditImagePrompt("a beach at dawn", Now) & t.Activate("dawn image"),
        ["image of another prompt activated"] = t => t.Activate("dawn image"),
        ["narration of another length activated"] = t => t.Activate("long audio"),
        ["narration of other words activated"] = t => t.Activate("other words"),
        ["narration of another length, then the first narration activated"] = t => t.Activate("long audio") & t.Activate("audio"),
        ["active image activated again"] = t => t.Activate("image"),
        ["older image's seed used"] = t => t.Reuse("old image"),
        ["dawn image's seed used"] = t => t.Reuse("dawn image"),
        ["image prompt changed, then the active image's seed used"] = t => t.Scene.EditImagePrompt("a storm", Now) & t.Reuse("image"),
    };

    public static TheoryData<string, bool, bool, bool, ClipStaleReasons, bool> Rules => new()
    {
        // change, image dirty, video dirty, audio dirty, why the clip is stale, whether anything changed
        { "older image activated", false, true, false, ClipStaleReasons.Image, true },
        { "older image, then the clip made from it activated", false, false, false, ClipStaleReasons.None, true },
        { "clip made from the older image activated", false, true, false, ClipStaleReasons.Image, true },
        { "clip with another camera movement activated", false, true, false, ClipStaleReasons.Settings, true },
        { "camera movement set to the zoom clip's, then it is activated", false, false, false, ClipStaleReasons.None, true },
        { "image prompt changed, then the image made from it activated", false, true, false, ClipStaleReasons.Image, true },
        { "image of another prompt activated", true, true, false, ClipStaleReasons.Image, true },
        { "narration of another length activated", false, true, false, ClipStaleReasons.Narration, true },
        { "narration of other words activated", false, false, true, ClipStaleReasons.None, true },
        { "narration of another length, then the first narration activated", false, false, false, ClipStaleReasons.None, true },
        { "active image activated again", false, false, false, ClipStaleReasons.None, false },
        { "older image's seed used", false, false, false, ClipStaleReasons.None, true },
        { "dawn image's seed used", true, true, false, ClipStaleReasons.Image, true },
        { "image prompt changed, then the active image's seed used", false, false, false, ClipStaleReasons.None, true },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Change_OnSceneWithTakes_DerivesTheFlagsFromTheActiveTakes(
        string change, bool imageDirty, bool videoDirty, bool audioDirty, ClipStaleReasons reasons, bool changed)
    {
        var takes = new TakeScenes();

        var answer = Changes[change](takes);

        var scene = takes.Scene;
        Assert.Equal((imageDirty, videoDirty, audioDirty, reasons), (scene.IsImageDirty, scene.IsVideoDirty, scene.IsAudioDirty, scene.VideoStaleReasons));
        Assert.Equal(changed, answer);
        Assert.Equal(changed, scene.PendingEvents.Count > 0);
    }

    [Fact]
    public void ActivateTake_OfAnOlderImage_ShowsItsFileAndSeed()
    {
        var takes = new TakeScenes();

        takes.Activate("old image");

        Assert.Equal((takes.Takes["old image"].File, 7L, takes.Takes["old image"].Id),
            (takes.Scene.ImageFile, takes.Scene.ImageSeed ?? -1, takes.Scene.ImageTakeId ?? Guid.Empty));
    }

    [Fact]
    public void ActivateTake_OfNarration_TakesItsLength()
    {
        var takes = new TakeScenes();

        takes.Activate("long audio");

        Assert.Equal((takes.Takes["long audio"].File, 4.5), (takes.Scene.AudioFile, takes.Scene.AudioDuration ?? 0));
    }

    [Fact]
    public void ReuseTake_OfTheDawnImage_PutsItsSeedAndPromptBack()
    {
        var takes = new TakeScenes();

        takes.Reuse("dawn image");

        Assert.Equal(("a beach at dawn", 9L), (takes.Scene.ImagePrompt, takes.Scene.Seed ?? -1));
    }

    [Fact]
    public void TakeStored_AsAVariationBesideAnImage_KeepsTheImageAndSettlesItsStatus()
    {
        var takes = new TakeScenes();
        var image = takes.Scene.ImageFile;
        takes.Scene.MarkRunning(AssetKind.Image, Now);

        var replaced = takes.Scene.TakeStored(takes.Takes["dawn image"] with { Id = Guid.NewGuid() }, active: false, Now);

        Assert.Equal((image, AssetStatus.Idle, (string?)null), (takes.Scene.ImageFile, takes.Scene.ImageStatus, replaced));
    }

    [Fact]
    public void TakeStored_OverAFileWithoutTake_NamesThatFileToDelete()
    {
        var scene = SceneStates.Scene("complete");
        var take = new Take
        {
            Id = Guid.NewGuid(), SentenceId = scene.Id, ProjectId = scene.ProjectId, Kind = AssetKind.Image, File = "images/new.png",
            Recipe = new GenerationRecipe { Prompt = scene.ImagePrompt, Seed = 3 }, Device = "gpu-1", CreatedAt = Now,
        };

        var replaced = scene.TakeStored(take, active: true, Now);

        Assert.Equal(("images/a.png", take.Id), (replaced, scene.ImageTakeId ?? Guid.Empty));
    }

    [Fact]
    public void TakeStored_ClipFromAnImageNoLongerShown_IsStaleAtOnce()
    {
        var takes = new TakeScenes();
        var clip = takes.Takes["old clip"] with { Id = Guid.NewGuid(), File = "video/late" };

        takes.Scene.TakeStored(clip, active: true, Now);

        Assert.Equal(("video/late", true, ClipStaleReasons.Image), (takes.Scene.VideoFile, takes.Scene.IsVideoDirty, takes.Scene.VideoStaleReasons));
    }

    public static TheoryData<string, string, bool, bool, bool, ClipStaleReasons> EditedWhileRendering => new()
    {
        // edit made while the take rendered, take arriving → image, audio, video dirty; the clip's reasons
        { "image prompt", "image", true, false, true, ClipStaleReasons.Image },
        { "image prompt and back", "image", false, false, true, ClipStaleReasons.Image },
        { "text", "audio", false, true, false, ClipStaleReasons.None },
        { "video prompt", "clip", false, false, true, ClipStaleReasons.Settings },
        { "video prompt and back", "clip", false, false, false, ClipStaleReasons.None },
        { "image prompt", "clip", true, false, true, ClipStaleReasons.Image },
    };

    [Theory]
    [MemberData(nameof(EditedWhileRendering))]
    public void TakeStored_AfterAnEditMadeWhileItRendered_IsStaleAgainstTheSceneAsItIsNow(
        string edit, string arriving, bool imageDirty, bool audioDirty, bool videoDirty, ClipStaleReasons reasons)
    {
        var takes = new TakeScenes();
        var scene = takes.Scene;
        var (image, video, text) = (scene.ImagePrompt, scene.VideoPrompt, scene.Text);
        switch (edit)
        {
            case "image prompt": scene.EditImagePrompt("a storm over the beach", Now); break;
            case "image prompt and back": scene.EditImagePrompt("a storm over the beach", Now); scene.EditImagePrompt(image, Now); break;
            case "text": scene.EditText("The tide rolls out.", Now); break;
            case "video prompt": scene.EditVideoPrompt("waves crashing", Now); break;
            case "video prompt and back": scene.EditVideoPrompt("waves crashing", Now); scene.EditVideoPrompt(video, Now); break;
        }

        scene.TakeStored(takes.Takes[arriving] with { Id = Guid.NewGuid(), File = $"{arriving}/late" }, active: true, Now);

        Assert.Equal((imageDirty, audioDirty, videoDirty, reasons), (scene.IsImageDirty, scene.IsAudioDirty, scene.IsVideoDirty, scene.VideoStaleReasons));
    }

    [Fact]
    public void TakeDeleted_OfTheActiveTake_IsRefused()
    {
        var takes = new TakeScenes();

        Assert.NotNull(TakeRules.DeleteRefusal(takes.Scene, takes.Takes["image"]));
        Assert.Null(TakeRules.DeleteRefusal(takes.Scene, takes.Takes["old image"]));
        Assert.Throws<DomainException>(() => takes.Scene.TakeDeleted(takes.Takes["image"], Now));
    }

    [Fact]
    public void ActivateTake_OfAnotherScenesTake_IsRefused()
    {
        var takes = new TakeScenes();
        var foreign = takes.Takes["old image"] with { SentenceId = Guid.NewGuid() };

        Assert.Throws<DomainException>(() => takes.Scene.ActivateTake(foreign, null, null, Now));
    }

    public static TheoryData<int, int, int?, int[]> Pruning => new()
    {
        // takes (0 oldest), keep, active, pruned (oldest first)
        { 3, 10, 2, [] },
        { 12, 10, 11, [0, 1] },
        { 12, 10, 0, [1, 2] },
        { 5, 1, 4, [0, 1, 2, 3] },
        { 5, 1, 2, [0, 1, 3, 4] },
        { 4, 2, null, [0, 1] },
    };

    [Theory]
    [MemberData(nameof(Pruning))]
    public void Pruned_BeyondTheBound_AreTheOldestButNeverTheActiveOne(int count, int keep, int? active, int[] pruned)
    {
        var takes = Enumerable.Range(0, count).Select(i => new Take
        {
            Id = Guid.NewGuid(), SentenceId = Guid.Empty, ProjectId = Guid.Empty, Kind = AssetKind.Image, File = $"i{i}.png",
            Recipe = GenerationRecipe.Unknown, Device = "gpu-1", CreatedAt = Now.AddSeconds(i),
        }).ToArray();

        var result = TakeRules.Pruned(takes.Reverse(), active is { } a ? takes[a].Id : null, keep);

        Assert.Equal(pruned.Select(i => $"i{i}.png"), result.Select(t => t.File));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(8, true)]
    [InlineData(9, false)]
    [InlineData(-4, false)]
    public void VariationsRefusal_OutsideTwoToEight_NamesTheCount(int count, bool allowed) =>
        Assert.Equal(allowed ? null : "count", TakeRules.VariationsRefusal(count)?.Field);
}
