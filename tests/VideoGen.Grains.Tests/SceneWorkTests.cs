using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Tests;

public sealed class SceneWorkTests
{
    private const JobKind Image = JobKind.Image, Video = JobKind.Video, Audio = JobKind.Audio;

    public static TheoryData<string, JobKind[]> GenerateAll => new()
    {
        // scene, what "generate all" queues for it
        { "complete", [] },
        { "fresh", [Audio, Image] },
        { "narrated only", [Image] },
        { "image without clip", [Video] },
        { "clip without narration", [Audio] },
        { "narration of unknown length", [Audio] },
        { "stale narration", [Audio] },
        { "stale narration, no image", [Audio, Image] },
        { "dirty image", [] },
        { "clip failed", [Video] },
    };

    [Theory]
    [MemberData(nameof(GenerateAll))]
    public void Missing_ForEachScene_NamesWhatGenerateAllQueues(string scene, JobKind[] expected) =>
        Assert.Equal(expected, SceneWork.Missing(SceneStates.Scene(scene)));

    public static TheoryData<string, JobKind[]> RetryFailed => new()
    {
        { "complete", [] },
        { "fresh", [] },
        { "image failed", [Image] },
        { "clip failed", [Video] },
        { "clip failed, no image", [] },
        { "narration and image failed", [Audio, Image] },
        { "narration and clip failed", [Audio, Video] },
        { "narration failed", [Audio] },
    };

    [Theory]
    [MemberData(nameof(RetryFailed))]
    public void Failed_ForEachScene_NamesWhatRetryQueues(string scene, JobKind[] expected) =>
        Assert.Equal(expected, SceneWork.Failed(SceneStates.Scene(scene)));

    public static TheoryData<string, JobKind[], SceneProblem?> BeforeAFinalCut => new()
    {
        // scene, what "regenerate them first" queues, what the final-cut panel says of it
        { "complete", [], null },
        { "fresh", [Audio, Image], SceneProblem.Missing },
        { "image without clip", [Video], SceneProblem.Missing },
        { "clip without narration", [Audio], SceneProblem.Missing },
        { "narration of unknown length", [Audio], SceneProblem.Missing },
        { "stale narration", [Audio], SceneProblem.Stale },
        { "dirty image", [Image], SceneProblem.Stale },
        { "dirty clip", [Video], SceneProblem.Stale },
        { "image failed", [Image], SceneProblem.Missing },
        { "clip failed, old clip kept", [Video], SceneProblem.Failed },
        { "narration failed, old one kept", [Audio], SceneProblem.Failed },
        { "narration and image failed", [Audio, Image], SceneProblem.Missing },
    };

    [Theory]
    [MemberData(nameof(BeforeAFinalCut))]
    public void Unready_ForEachScene_QueuesWhatTheFinalCutPanelComplainsOf(string scene, JobKind[] expected, SceneProblem? problem)
    {
        var sentence = SceneStates.Scene(scene);

        Assert.Equal(expected, SceneWork.Unready(sentence));
        Assert.Equal(problem, ExportRules.Unready([sentence]).SingleOrDefault()?.Problem);
    }

    public static TheoryData<string, bool, bool, JobKind[]> RegenerateDirty => new()
    {
        // scene, images asked, videos asked, what is queued
        { "complete", true, true, [] },
        { "dirty image", true, true, [Image] },
        { "dirty image", true, false, [Image] },
        { "dirty image", false, true, [] },
        { "dirty clip", true, true, [Video] },
        { "dirty clip", true, false, [] },
        { "dirty clip", false, true, [Video] },
        { "dirty clip, no image", false, true, [] },
        { "dirty clip", false, false, [] },
        { "image made, clip never", false, true, [] },
        { "prompt edited, no image yet", true, true, [] },
    };

    [Theory]
    [MemberData(nameof(RegenerateDirty))]
    public void Dirty_ForEachSceneAndChoice_NamesWhatIsRegenerated(string scene, bool images, bool videos, JobKind[] expected) =>
        Assert.Equal(expected, SceneWork.Dirty(SceneStates.Scene(scene), images, videos));

    public static TheoryData<string, JobKind[], JobKind[], JobKind[]> Batch => new()
    {
        // scene, work already waiting or running, kinds picked, kinds queued
        { "fresh", [], [Audio, Image], [Audio, Image] },
        { "fresh", [Audio], [Audio, Image], [] },
        { "image queued", [Image], [Image], [] },
        { "image without clip", [Audio], [Video], [] },
        { "empty image prompt", [], [Image], [] },
        { "empty prompts", [], [Audio, Image], [Audio] },
        { "empty video prompt", [], [Video], [] },
        { "empty video prompt", [], [Audio], [Audio] },
        { "complete", [], [], [] },
    };

    [Theory]
    [MemberData(nameof(Batch))]
    public void InBatch_ForEachScene_LeavesBusyScenesAndEmptyPromptsAlone(string scene, JobKind[] active, JobKind[] picked, JobKind[] expected) =>
        Assert.Equal(expected, SceneWork.InBatch(SceneStates.Scene(scene), active, picked));

    public static TheoryData<string, JobKind, JobKind[], string?> Requests => new()
    {
        // scene, kind asked for, work already waiting or running, why it is refused (null: accepted)
        { "complete", Image, [], null },
        { "complete", Video, [], null },
        { "complete", Audio, [], null },
        { "fresh", Video, [], "no image yet" },
        { "dirty clip, no image", Video, [], "no image yet" },
        { "fresh", Image, [], null },
        { "image queued", Image, [Image], "image of this scene is already being generated" },
        { "image queued", Audio, [Image], null },
        { "image without clip", Video, [Video], "video of this scene is already being generated" },
        { "complete", Audio, [Audio], "audio of this scene is already being generated" },
        { "empty image prompt", Image, [], "image prompt is empty" },
        { "empty video prompt", Video, [], "video prompt is empty" },
        { "empty prompts", Video, [Video], "video prompt is empty" },
        { "empty prompts", Audio, [], null },
        { "narration and clip failed", Video, [], "narration of this scene failed" },
        { "narration and clip failed", Audio, [], null },
        { "narration and clip failed", Image, [], null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Refusal_ForEachRequest_AnswersWhyOrNothing(string scene, JobKind kind, JobKind[] active, string? expected)
    {
        var refusal = SceneWork.Refusal(SceneStates.Scene(scene), kind, active);

        if (expected is null) Assert.Null(refusal);
        else Assert.Contains(expected, Assert.IsType<ValidationError>(refusal).Message);
    }

    [Theory]
    [InlineData("fresh", JobKind.Video, ValidationErrorKind.Conflict)]
    [InlineData("image queued", JobKind.Image, ValidationErrorKind.Conflict)]
    [InlineData("empty image prompt", JobKind.Image, ValidationErrorKind.Invalid)]
    public void Refusal_OfAStateConflict_IsAConflictAndOfAnEmptyPromptInvalid(string scene, JobKind kind, ValidationErrorKind expected) =>
        Assert.Equal(expected, SceneWork.Refusal(SceneStates.Scene(scene), kind, scene == "image queued" ? [JobKind.Image] : [])?.Kind);
}
