using VideoGen.Silo.Preview;

namespace VideoGen.Silo.Tests.Preview;

public sealed class CaptionTextTests
{
    [Theory]
    [InlineData("a lighthouse at dusk", 6, 40, "a lighthouse at dusk")]
    [InlineData("one two three four five six seven", 6, 40, "one two three four five six…")]
    [InlineData("a lighthouse at dusk", 6, 14, "a lighthouse…")]
    [InlineData("  spaced\t\tout\r\nlines  ", 6, 40, "spaced out lines")]
    [InlineData("bell\u0007 rings", 6, 40, "bell rings")]
    [InlineData("Supercalifragilistic", 6, 8, "Superca…")]
    [InlineData("", 6, 40, "")]
    [InlineData(" \n ", 6, 40, "")]
    public void FirstWords_Text_FitsTheLimits(string text, int maxWords, int maxChars, string expected) =>
        Assert.Equal(expected, CaptionText.FirstWords(text, maxWords, maxChars));

    [Fact]
    public void FirstWords_CutInsideSurrogatePair_KeepsThePairWhole() =>
        Assert.Equal("ab…", CaptionText.FirstWords("ab🌅cd", 6, 4));
}
