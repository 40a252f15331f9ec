using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VideoGen.Silo.Extensions;
using VideoGen.Silo.Options;

namespace VideoGen.Silo.Tests;

public sealed class SiloOptionsTests
{
    [Fact]
    public void Validate_DuplicateDeviceNames_NamesTheSecondKey()
    {
        var problems = DevicesValidator.Validate([
            new DeviceOptions { Name = "gpu-0", Kind = "preview" },
            new DeviceOptions { Name = "GPU-0", Kind = "preview" },
        ]);

        Assert.Contains(problems, p => p.StartsWith("Devices:1:Name", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ComfyUiWithMissingWorkflowFile_NamesTheKey()
    {
        var problems = DevicesValidator.Validate([
            new DeviceOptions { Name = "gpu-0", Kind = "comfyui", Url = "http://127.0.0.1:8188", VideoWorkflow = "/nowhere/wan.json" },
        ]);

        Assert.Equal("Devices:0:VideoWorkflow names '/nowhere/wan.json', which does not exist.", Assert.Single(problems));
    }

    [Fact]
    public void Validate_GoodDevices_HasNoProblems() =>
        Assert.Empty(DevicesValidator.Validate([
            new DeviceOptions { Name = "gpu-0", Kind = "comfyui", Url = "http://127.0.0.1:8188", VideoUrl = "http://127.0.0.1:8189" },
            new DeviceOptions { Name = "cpu", Kind = "preview" },
        ]));

    [Theory]
    [InlineData(null)]
    [InlineData("120")]
    public void AddSilo_AnyDrainGrace_HostWaitsLongerThanTheGraceOnStop(string? graceSeconds)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Silo:DrainGraceSeconds"] = graceSeconds;
        builder.AddSilo();
        using var services = builder.Services.BuildServiceProvider();

        var grace = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<SiloOptions>>().Value.DrainGraceSeconds);
        Assert.True(services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout > grace);
    }

    [Fact]
    public void AddSilo_NegativeDrainGrace_IsRefusedNamingTheKey()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Silo:DrainGraceSeconds"] = "-5";
        builder.AddSilo();
        using var services = builder.Services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SiloOptions>>().Value);
        Assert.Contains("Silo:DrainGraceSeconds", failure.Message);
    }

    [Fact]
    public void AddSilo_EmptyFfmpegPath_IsReportedOnce()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Ffmpeg:FfmpegPath"] = " ";
        builder.AddSilo();
        using var services = builder.Services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<VideoGen.Silo.Media.FfmpegOptions>>().Value);
        Assert.Single(failure.Failures, f => f.Contains("Ffmpeg:FfmpegPath", StringComparison.Ordinal));
    }
}
