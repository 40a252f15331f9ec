using VideoGen.Silo.Preview;

namespace VideoGen.Silo.Tests.Preview;

public sealed class StillGraphTests
{
    private const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    [Fact]
    public void Build_PromptWithFilterSyntax_WritesItLiterallyWithoutExpansion()
    {
        var graph = StillGraph.Build(StillLook.From(1, "x"), 640, 360, Font, @"50% it's: a\b", "").ToString();

        Assert.Contains(@"drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:expansion=none:text=50% it\\\'s\\: a\\\\b:fontsize=32:", graph);
        Assert.EndsWith("format=pix_fmts=rgb24[still]", graph);
    }

    [Fact]
    public void Build_NarrationGiven_AddsASmallerCaption()
    {
        var graph = StillGraph.Build(StillLook.From(1, "x"), 640, 360, Font, "the prompt", "the narration").ToString();

        Assert.Contains("text=the prompt:fontsize=32:", graph);
        Assert.Contains("text=the narration:fontsize=15:", graph);
    }

    [Fact]
    public void Build_NoWords_DrawsNoText() =>
        Assert.DoesNotContain("drawtext", StillGraph.Build(StillLook.From(1, ""), 640, 360, Font, " ", "").ToString());
}
