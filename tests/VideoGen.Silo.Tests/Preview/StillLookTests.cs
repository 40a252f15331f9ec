using VideoGen.Silo.Preview;

namespace VideoGen.Silo.Tests.Preview;

public sealed class StillLookTests
{
    [Fact]
    public void From_SameSeedAndPrompt_IsTheSameLook()
    {
        var first = StillLook.From(42, "a lighthouse at dusk");
        var second = StillLook.From(42, "a lighthouse at dusk");

        Assert.Equal(first.Colors, second.Colors);
        Assert.Equal(first, second with { Colors = first.Colors });
    }

    [Fact]
    public void From_ManySeeds_GivesManyPalettesAndEveryTexture()
    {
        var looks = Enumerable.Range(0, 64).Select(seed => StillLook.From(seed, "a lighthouse at dusk")).ToList();

        Assert.True(looks.Select(l => string.Join(',', l.Colors)).Distinct().Count() > 60);
        Assert.Equal(Enum.GetValues<StillTexture>().Order(), looks.Select(l => l.Texture).Distinct().Order());
        Assert.DoesNotContain(looks, l => l.GradientType == 2);
    }

    [Fact]
    public void From_SeedOrPromptChanged_ChangesTheLook()
    {
        var look = StillLook.From(42, "a lighthouse at dusk");

        Assert.NotEqual(look.Colors, StillLook.From(43, "a lighthouse at dusk").Colors);
        Assert.NotEqual(look.Colors, StillLook.From(42, "a lighthouse at dawn").Colors);
    }

    [Fact]
    public void From_AnyInput_WritesColoursAsFfmpegHex() =>
        Assert.All(StillLook.From(-1, "").Colors, c => Assert.Matches("^0x[0-9A-F]{6}$", c));
}
