using VideoGen.Grains.Domain;
using VideoGen.Grains.Scripts;

namespace VideoGen.Grains.Tests;

public sealed class ProjectImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Owner = Guid.NewGuid();

    [Fact]
    public void Import_Script_DerivesStartingPromptsFromTextAndStyle()
    {
        var outcome = Project.Import(Owner, "Tides", "# Shore\nThe tide rolls in.", AspectRatio.Portrait, "watercolour, warm light", Now);

        Assert.True(outcome.Succeeded);
        var sentence = Assert.Single(outcome.Value.Sentences);
        Assert.Equal("The tide rolls in, watercolour, warm light", sentence.ImagePrompt);
        Assert.StartsWith("The tide rolls in, ", sentence.VideoPrompt);
        Assert.EndsWith("watercolour, warm light", sentence.VideoPrompt);
        Assert.Equal((false, false, false), (sentence.IsImageDirty, sentence.IsVideoDirty, sentence.IsAudioDirty));
        Assert.Equal(outcome.Value.Id, sentence.ProjectId);
        Assert.Equal(outcome.Value.Sections[0].Id, sentence.SectionId);
    }

    [Fact]
    public void Import_WithoutStyle_UsesTheDefaultStyle()
    {
        var outcome = Project.Import(Owner, "Tides", "Waves.", AspectRatio.Landscape, null, Now);

        Assert.Equal(PromptDeriver.DefaultStyle, outcome.Value!.Style);
        Assert.Contains(PromptDeriver.DefaultStyle, outcome.Value.Sentences.Single().ImagePrompt);
    }

    [Fact]
    public void Import_BadNameAndEmptyScript_ReportsBothFields()
    {
        var outcome = Project.Import(Owner, " ", "", AspectRatio.Square, null, Now);

        Assert.False(outcome.Succeeded);
        Assert.Equal(["name", "script"], outcome.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void Import_RecordsTheOwner() =>
        Assert.Equal(Owner, Project.Import(Owner, "Mine", "One.", AspectRatio.Square, null, Now).Value!.OwnerId);

    [Fact]
    public void Import_WithoutOwner_IsRefused() =>
        Assert.Throws<DomainException>(() => Project.Import(Guid.Empty, "Nobody's", "One.", AspectRatio.Square, null, Now));

    [Fact]
    public void Import_KeepsSectionAndSentenceOrder()
    {
        var project = Project.Import(Owner, "Order", "One. Two.\n\nThree.", AspectRatio.Landscape, null, Now).Value!;

        Assert.Equal([0, 1], project.Sections.Select(s => s.Index));
        Assert.Equal(["One.", "Two.", "Three."], project.Sentences.Select(s => s.Text));
        Assert.Equal([0, 1], project.Sections[0].Sentences.Select(s => s.Index));
    }

    [Theory]
    [InlineData("16:9", AspectRatio.Landscape)]
    [InlineData("9:16", AspectRatio.Portrait)]
    [InlineData(" 1:1 ", AspectRatio.Square)]
    public void AspectRatios_ParseTheirTextForm(string text, AspectRatio expected)
    {
        Assert.True(AspectRatios.TryParse(text, out var ratio));
        Assert.Equal(expected, ratio);
        Assert.Equal(text.Trim(), ratio.Value.ToText());
    }

    [Theory]
    [InlineData("4:3")]
    [InlineData("")]
    [InlineData(null)]
    public void AspectRatios_RejectOtherShapes(string? text) => Assert.False(AspectRatios.TryParse(text, out _));

    [Theory]
    [InlineData(AspectRatio.Landscape, 1920, 1080)]
    [InlineData(AspectRatio.Portrait, 1080, 1920)]
    [InlineData(AspectRatio.Square, 1080, 1080)]
    public void FrameSize_At1080Lines_IsTheExportSize(AspectRatio ratio, int width, int height) =>
        Assert.Equal((width, height), ratio.FrameSize(1080));
}
