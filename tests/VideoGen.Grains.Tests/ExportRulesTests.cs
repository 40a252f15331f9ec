using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Tests;

public sealed class ExportRulesTests
{
    private static ExportScene Scene(int number, string? image = "i.png", string? video = "v.mp4", string? audio = "a.wav", double? duration = 3.0) =>
        new(Guid.NewGuid(), number, $"Scene {number}.", image, video, audio, duration);

    private static readonly Dictionary<string, ExportScene[]> Projects = new()
    {
        ["no scenes"] = [],
        ["one complete scene"] = [Scene(1)],
        ["all complete"] = [Scene(1), Scene(2), Scene(3)],
        ["second lacks its clip"] = [Scene(1), Scene(2, video: null), Scene(3)],
        ["first lacks its image, third its narration"] = [Scene(1, image: null), Scene(2), Scene(3, audio: null, duration: null)],
        ["narration of no length"] = [Scene(1, duration: 0)],
    };

    public static TheoryData<string, bool, int[]> Readiness => new()
    {
        // project, a final cut may start, the numbers of the incomplete scenes
        { "no scenes", false, [] },
        { "one complete scene", true, [] },
        { "all complete", true, [] },
        { "second lacks its clip", false, [2] },
        { "first lacks its image, third its narration", false, [1, 3] },
        { "narration of no length", false, [1] },
    };

    [Theory]
    [MemberData(nameof(Readiness))]
    public void IsReady_ForEachProject_NeedsScenesAndEveryOneComplete(string project, bool ready, int[] incomplete)
    {
        var scenes = Projects[project];

        Assert.Equal(ready, ExportRules.IsReady(scenes));
        Assert.Equal(incomplete, ExportRules.Incomplete(scenes).Select(s => s.Number));
    }
}
