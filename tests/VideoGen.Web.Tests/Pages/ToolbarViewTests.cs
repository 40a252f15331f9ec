using VideoGen.Grains.Domain;
using VideoGen.Web.Storyboard;

namespace VideoGen.Web.Tests.Pages;

/// <summary>The toolbar offers "Generate All Scenes" exactly when generating all would queue something.</summary>
public sealed class ToolbarViewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Missing_CountsAScenePendingOnlyItsNarration_AndNotACompleteOne()
    {
        var project = Project.Import(Guid.NewGuid(), "Tides", "One. Two. Three.", AspectRatio.Landscape, "ink", Now).Value!;
        var (complete, silent) = (project.Sentences.ElementAt(0), project.Sentences.ElementAt(1));
        foreach (var scene in new[] { complete, silent })
        {
            scene.ImageStored("image.png", Now);
            scene.VideoStored("clip.mp4", Now);
        }
        complete.AudioStored("voice.wav", 1.5, Now);

        var toolbar = StoryboardViews.Toolbar(project, Grains.Jobs.ProjectProgress.Idle);

        Assert.Equal(2, toolbar.Missing);
    }
}
