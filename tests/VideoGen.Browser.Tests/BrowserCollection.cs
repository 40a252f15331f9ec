namespace VideoGen.Browser.Tests;

/// <summary>Browser tests run one at a time: each renders with ffmpeg on a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "browser";
}
