using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Tests;

public sealed class FailureTextTests
{
    public static TheoryData<string, string, string?> Stored => new()
    {
        // stored error, its headline, its detail
        { "ComfyUI ran out of memory.", "ComfyUI ran out of memory.", null },
        { "espeak-ng is not installed.\nNo such file or directory", "espeak-ng is not installed.", "No such file or directory" },
        { "  Headline.\n\n  line one\nline two  ", "Headline.", "line one\nline two" },
        { "Headline.\n   ", "Headline.", null },
    };

    [Theory]
    [MemberData(nameof(Stored))]
    public void HeadlineAndDetail_OfAStoredError_SplitAtItsFirstLineBreak(string error, string headline, string? detail)
    {
        Assert.Equal(headline, FailureText.Headline(error));
        Assert.Equal(detail, FailureText.Detail(error));
    }

    [Fact]
    public void Compose_OfAHeadlineOnSeveralLines_KeepsItOneLine() =>
        Assert.Equal("The preview device could not render the image.\nffmpeg exited with code 1",
            FailureText.Compose("The preview device could not\r\nrender the image.", " ffmpeg exited with code 1 "));

    [Fact]
    public void WithHeadlineSuffix_AddsToTheHeadline_NotTheDetail() =>
        Assert.Equal("ComfyUI did not answer. (gave up after 3 attempts)\nConnection refused",
            FailureText.WithHeadlineSuffix("ComfyUI did not answer.\nConnection refused", "(gave up after 3 attempts)"));
}
