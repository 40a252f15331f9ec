using VideoGen.Bench;

namespace VideoGen.Silo.Tests.Bench;

/// <summary>The benchmark's command line: <c>--against</c> takes a git ref, or the design before Orleans when none follows.</summary>
public sealed class BenchOptionsTests
{
    [Theory]
    [InlineData(new[] { "--against", "--quick" }, BenchOptions.PreviousDesign)]
    [InlineData(new[] { "--against", "c2e83d6", "--quick" }, "c2e83d6")]
    public void Parse_Against_ReadsTheRefOrThePreviousDesign(string[] args, string expected)
    {
        var options = BenchOptions.Parse(args);

        Assert.NotNull(options);
        Assert.Equal((expected, true), (options.Against, options.Quick));
    }
}
