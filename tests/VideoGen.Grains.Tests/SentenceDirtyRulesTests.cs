using System.Reflection;
using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Tests;

public sealed class SentenceDirtyRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A sentence with every asset generated and nothing stale.</summary>
    private static Sentence Generated() => SceneStates.Scene("complete");

    private static readonly Dictionary<string, Action<Sentence>> Edits = new()
    {
        ["image prompt changed"] = s => s.EditImagePrompt("a beach at dawn", Now),
        ["image prompt unchanged"] = s => s.EditImagePrompt("a beach at dusk", Now),
        ["video prompt changed"] = s => s.EditVideoPrompt("waves crashing", Now),
        ["video prompt unchanged"] = s => s.EditVideoPrompt("waves rolling in", Now),
        ["camera movement changed"] = s => s.ChangeCameraMovement(CameraMovement.ZoomIn, Now),
        ["camera movement unchanged"] = s => s.ChangeCameraMovement(CameraMovement.Static, Now),
        ["motion strength changed"] = s => s.ChangeMotionStrength(0.9, Now),
        ["motion strength unchanged"] = s => s.ChangeMotionStrength(0.5, Now),
        ["text changed"] = s => s.EditText("The tide rolls out.", Now),
        ["text unchanged"] = s => s.EditText("The tide rolls in.", Now),
        ["seed changed"] = s => s.ChangeSeed(7, Now),
        ["new image stored"] = s => s.ImageStored("images/b.png", Now),
        ["image prompt changed, then new image stored"] = s => { s.EditImagePrompt("a beach at dawn", Now); s.ImageStored("images/b.png", Now); },
        ["image prompt changed, then new video stored"] = s => { s.EditImagePrompt("a beach at dawn", Now); s.VideoStored("videos/b.mp4", Now); },
        ["video prompt changed, then new video stored"] = s => { s.EditVideoPrompt("waves crashing", Now); s.VideoStored("videos/b.mp4", Now); },
        ["new audio of the same length"] = s => s.AudioStored("audio/b.wav", 3.0, Now),
        ["new audio of another length"] = s => s.AudioStored("audio/b.wav", 4.2, Now),
        ["text changed, then new audio of the same length"] = s => { s.EditText("The tide rolls out.", Now); s.AudioStored("audio/b.wav", 3.0, Now); },
        ["text changed, then new audio of another length"] = s => { s.EditText("The tide rolls out.", Now); s.AudioStored("audio/b.wav", 2.5, Now); },
        ["edit of image prompt only"] = s => s.Apply(new SentenceEdit { ImagePrompt = "a beach at dawn" }, Now),
        ["edit of video prompt, movement and strength"] = s => s.Apply(new SentenceEdit { VideoPrompt = "x", CameraMovement = CameraMovement.PanLeft, MotionStrength = 0.1 }, Now),
        ["edit carrying only current values"] = s => s.Apply(new SentenceEdit { Text = "The tide rolls in.", ImagePrompt = "a beach at dusk", VideoPrompt = "waves rolling in", CameraMovement = CameraMovement.Static, MotionStrength = 0.5, Seed = 42, SeedSet = true }, Now),
        ["edit of text and image prompt"] = s => s.Apply(new SentenceEdit { Text = "New words.", ImagePrompt = "new picture" }, Now),
        ["narration voice or speed changed"] = s => s.NarrationRestyled(Now),
        ["narration restyled, then new audio of another length"] = s => { s.NarrationRestyled(Now); s.AudioStored("audio/b.wav", 2.0, Now); },
    };

    public static TheoryData<string, bool, bool, bool> Rules => new()
    {
        // edit, image dirty, video dirty, audio dirty
        { "image prompt changed", true, true, false },
        { "image prompt unchanged", false, false, false },
        { "video prompt changed", false, true, false },
        { "video prompt unchanged", false, false, false },
        { "camera movement changed", false, true, false },
        { "camera movement unchanged", false, false, false },
        { "motion strength changed", false, true, false },
        { "motion strength unchanged", false, false, false },
        { "text changed", false, false, true },
        { "text unchanged", false, false, false },
        { "seed changed", false, false, false },
        { "new image stored", false, true, false },
        { "image prompt changed, then new image stored", false, true, false },
        { "image prompt changed, then new video stored", true, false, false },
        { "video prompt changed, then new video stored", false, false, false },
        { "new audio of the same length", false, false, false },
        { "new audio of another length", false, true, false },
        { "text changed, then new audio of the same length", false, false, false },
        { "text changed, then new audio of another length", false, true, false },
        { "edit of image prompt only", true, true, false },
        { "edit of video prompt, movement and strength", false, true, false },
        { "edit carrying only current values", false, false, false },
        { "edit of text and image prompt", true, true, true },
        { "narration voice or speed changed", false, false, true },
        { "narration restyled, then new audio of another length", false, true, false },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Edit_OnCleanSentence_SetsExactlyTheStaleFlags(string edit, bool imageDirty, bool videoDirty, bool audioDirty)
    {
        var sentence = Generated();

        Edits[edit](sentence);

        Assert.Equal((imageDirty, videoDirty, audioDirty), (sentence.IsImageDirty, sentence.IsVideoDirty, sentence.IsAudioDirty));
    }

    public static TheoryData<string, ClipStaleReasons> ClipReasons => new()
    {
        // edit, what the stale clip says changed
        { "new image stored", ClipStaleReasons.Image },
        { "image prompt changed, then new image stored", ClipStaleReasons.Image },
        { "video prompt changed", ClipStaleReasons.Settings },
        { "camera movement changed", ClipStaleReasons.Settings },
        { "edit of video prompt, movement and strength", ClipStaleReasons.Settings },
        { "new audio of another length", ClipStaleReasons.Narration },
        { "new audio of the same length", ClipStaleReasons.None },
        { "video prompt changed, then new video stored", ClipStaleReasons.None },
        { "seed changed", ClipStaleReasons.None },
    };

    [Theory]
    [MemberData(nameof(ClipReasons))]
    public void Edit_OnCleanSentence_RecordsWhyTheClipIsStale(string edit, ClipStaleReasons expected)
    {
        var sentence = Generated();

        Edits[edit](sentence);

        Assert.Equal(expected, sentence.VideoStaleReasons);
    }

    [Fact]
    public void ClipReasons_Accumulate_UntilANewClipIsStored()
    {
        var sentence = Generated();

        sentence.ImageStored("images/b.png", Now);
        sentence.ChangeCameraMovement(CameraMovement.PanLeft, Now);
        var both = sentence.VideoStaleReasons;
        sentence.VideoStored("videos/b.mp4", Now);

        Assert.Equal((ClipStaleReasons.Image | ClipStaleReasons.Settings, ClipStaleReasons.None), (both, sentence.VideoStaleReasons));
    }

    [Fact]
    public void Rules_CoverEveryNamedEdit() =>
        Assert.Equal(Edits.Keys.Order(), Rules.Select(row => (string)row[0]).Order());

    [Theory]
    [InlineData("image prompt unchanged")]
    [InlineData("video prompt unchanged")]
    [InlineData("camera movement unchanged")]
    [InlineData("motion strength unchanged")]
    [InlineData("text unchanged")]
    [InlineData("edit carrying only current values")]
    public void Edit_WithCurrentValue_ChangesNothingAndRaisesNoEvent(string edit)
    {
        var sentence = Generated();
        var before = sentence.ToState();

        Edits[edit](sentence);

        Assert.Equal(before, sentence.ToState());
        Assert.Empty(sentence.PendingEvents);
    }

    [Fact]
    public void Apply_SeveralFields_RaisesOneEventNamingEachChange()
    {
        var sentence = Generated();

        sentence.Apply(new SentenceEdit { Text = "New words.", VideoPrompt = "new motion", MotionStrength = 0.5 }, Now);

        var changed = Assert.IsType<SentenceChanged>(Assert.Single(sentence.PendingEvents));
        Assert.Equal(["text", "videoPrompt"], changed.Changes);
        Assert.Equal(sentence.Id, changed.SentenceId);
        Assert.Equal(Now, sentence.UpdatedAt);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Apply_WithMotionStrengthOutOfRange_ThrowsAndChangesNothing(double strength)
    {
        var sentence = Generated();
        var before = sentence.ToState();

        Assert.Throws<DomainException>(() => sentence.Apply(new SentenceEdit { ImagePrompt = "changed", MotionStrength = strength }, Now));

        Assert.Equal(before, sentence.ToState());
        Assert.Empty(sentence.PendingEvents);
    }

    [Fact]
    public void EditText_Empty_Throws() =>
        Assert.Throws<DomainException>(() => Generated().EditText("  ", Now));

    [Fact]
    public void ImageStored_ReplacingAFile_ReturnsTheOldFileToDelete()
    {
        var sentence = Generated();

        Assert.Equal("images/a.png", sentence.ImageStored("images/b.png", Now));
        Assert.Null(sentence.ImageStored("images/b.png", Now));
        Assert.Equal("images/b.png", sentence.ImageFile);
    }

    [Fact]
    public void MarkFailed_ThenStored_ClearsTheError()
    {
        var sentence = Generated();

        sentence.MarkFailed(AssetKind.Image, "out of memory", Now);
        Assert.Equal((AssetStatus.Failed, "out of memory"), (sentence.ImageStatus, sentence.LastError));

        sentence.ImageStored("images/c.png", Now);
        Assert.Equal((AssetStatus.Idle, (string?)null), (sentence.ImageStatus, sentence.LastError));
    }

    [Fact]
    public void Sentence_DirtyFlags_CannotBeSetFromOutside()
    {
        var publicSetters = typeof(Sentence).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => p.Name);
        Assert.Empty(publicSetters);

        var editFields = typeof(SentenceEdit).GetProperties().Select(p => p.Name);
        Assert.DoesNotContain(editFields, name => name.Contains("Dirty", StringComparison.Ordinal) || name.Contains("Status", StringComparison.Ordinal));
    }
}
