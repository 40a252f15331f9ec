using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoGen.Silo.Media;
using VideoGen.Silo.Preview;

namespace VideoGen.Silo.Tests.Preview;

public sealed class PreviewRegistrationTests
{
    [Fact]
    public void AddPreviewBackend_Configured_ResolvesOneSharedBackendWithBoundOptions()
    {
        using var services = Services(new() { ["Ffmpeg:FfmpegPath"] = "/opt/ffmpeg/bin/ffmpeg", ["Preview:FontFile"] = "/fonts/a.ttf" });

        Assert.Same(services.GetRequiredService<PreviewBackend>(), services.GetRequiredService<PreviewBackend>());
        Assert.Equal("/opt/ffmpeg/bin/ffmpeg", services.GetRequiredService<IOptions<FfmpegOptions>>().Value.FfmpegPath);
        Assert.Equal("ffprobe", services.GetRequiredService<IOptions<FfmpegOptions>>().Value.FfprobePath);
        Assert.Equal("/fonts/a.ttf", services.GetRequiredService<IOptions<PreviewOptions>>().Value.FontFile);
        Assert.NotNull(services.GetRequiredService<FfprobeRunner>());
    }

    [Theory]
    [InlineData("Ffmpeg:FfmpegPath", "")]
    [InlineData("Ffmpeg:StopGracePeriod", "00:00:00")]
    [InlineData("Preview:FontFile", " ")]
    public void AddPreviewBackend_BadSetting_FailsNamingTheKey(string key, string value)
    {
        using var services = Services(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<PreviewBackend>());

        Assert.Contains(key, error.Message);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddPreviewBackend()
            .BuildServiceProvider();
}
