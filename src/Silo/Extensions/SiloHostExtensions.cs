using Microsoft.Extensions.Options;
using Orleans.Runtime;
using VideoGen.Silo.Cluster;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Export;
using VideoGen.Silo.Lanes;
using VideoGen.Silo.Options;
using VideoGen.Silo.Preview;
using VideoGen.Silo.Speech;

namespace VideoGen.Silo.Extensions;

/// <summary>
/// Registers what a silo needs: its name, its devices and their backends, the media folder;
/// and, when <c>Silo:Enabled</c> (the default), the silo itself, so this process runs lanes.
/// </summary>
public static class SiloHostExtensions
{
    /// <summary>Time on top of the drain grace for handing jobs back and releasing devices.</summary>
    public static readonly TimeSpan ShutdownMargin = TimeSpan.FromSeconds(10);

    /// <summary>Registers the silo's options, devices, backends and media folder, and the silo itself.</summary>
    public static IHostApplicationBuilder AddSilo(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Name), "Silo:Name is empty: give this silo a name (the machine name is used when the key is absent).")
            .Validate(o => o.DrainGraceSeconds >= 0, "Silo:DrainGraceSeconds is negative: give the seconds running jobs may take to finish when the silo stops (0 or more).")
            .ValidateOnStart();
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Root), "Media:Root is empty: name the folder for images, clips, narration and exports.")
            .ValidateOnStart();
        services.AddOptions<List<DeviceOptions>>().BindConfiguration(DeviceOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<List<DeviceOptions>>, DeviceListValidator>();

        services.AddPreviewBackend();
        services.AddComfyUi();
        services.AddSpeech();
        services.AddExportRenderer();
        services.AddSingleton<CpuBackend>();
        services.AddSingleton<DeviceCatalog>();
        services.AddSingleton<IDeviceSource>(sp => sp.GetRequiredService<DeviceCatalog>());
        // Claims carry the silo's membership identity, so a death declaration names the claims to rescue.
        services.AddSingleton(sp =>
        {
            var name = sp.GetRequiredService<IOptions<SiloOptions>>().Value.Name;
            return new SiloIdentity(name, ClusterSiloId.For(name, sp.GetRequiredService<ILocalSiloDetails>().SiloAddress));
        });
        services.AddSingleton(sp => new MediaFiles(sp.GetRequiredService<IOptions<MediaOptions>>().Value.Root));
        services.AddHostedService<SiloService>();
        // The host must wait for the drain: its default 30 s would cut a longer grace short
        // and leave running jobs to lease expiry instead of handing them back.
        services.AddOptions<HostOptions>().Configure<IOptions<SiloOptions>>((host, silo) =>
        {
            if (!silo.Value.Enabled) return;
            var needed = TimeSpan.FromSeconds(silo.Value.DrainGraceSeconds) + ShutdownMargin;
            if (host.ShutdownTimeout < needed) host.ShutdownTimeout = needed;
        });
        return builder;
    }

    private sealed class DeviceListValidator(IOptions<SiloOptions> silo) : IValidateOptions<List<DeviceOptions>>
    {
        public ValidateOptionsResult Validate(string? name, List<DeviceOptions> options)
        {
            var problems = DevicesValidator.Validate(options).ToList();
            var cpu = silo.Value.CpuDeviceName;
            if (options.FindIndex(d => string.Equals(d.Name, cpu, StringComparison.OrdinalIgnoreCase)) is var index and >= 0)
                problems.Add($"{DeviceOptions.Section}:{index}:Name '{cpu}' is the name of this silo's CPU device; rename the device or set {SiloOptions.Section}:CpuDevice.");
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
