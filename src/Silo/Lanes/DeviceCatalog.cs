using Microsoft.Extensions.Options;
using VideoGen.Grains.Domain;
using VideoGen.Silo.ComfyUi;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Options;
using VideoGen.Silo.Preview;

namespace VideoGen.Silo.Lanes;

/// <summary>
/// The devices this silo drives, from the <c>Devices</c> list: a ComfyUI server per GPU
/// (image lane on <c>Url</c>, video lane on <c>VideoUrl</c> or the same server), or the CPU
/// preview renderer. With no device configured, one preview device named <c>cpu-preview</c>.
/// Every silo also drives its own CPU device (<c>Silo:CpuDevice</c>, <c>cpu-{Silo:Name}</c> by
/// default) with one CPU lane for narration and exports, so that work never takes a GPU lane.
/// </summary>
public sealed class DeviceCatalog(
    IOptions<List<DeviceOptions>> devices, IOptions<SiloOptions> silo, PreviewBackend preview, ComfyUiBackendFactory comfyUi, CpuBackend cpu) : IDeviceSource
{
    /// <summary>Builds every device with its lanes; a bad workflow template fails here, at start.</summary>
    public IReadOnlyList<DeviceSpec> Build() => [.. Effective(devices.Value).Select(Build), Cpu(silo.Value.CpuDeviceName, cpu)];

    /// <summary>
    /// What a silo with these options declares to the cluster: nothing when it runs no lanes,
    /// else the devices <see cref="Build()"/> makes, by name, kind and lanes.
    /// </summary>
    public static IReadOnlyList<DeviceDeclaration> Declare(IReadOnlyList<DeviceOptions> devices, SiloOptions silo) => !silo.Enabled ? [] :
        [.. Effective(devices).Select(d => new DeviceDeclaration(d.Name, KindOf(d), GpuDevice.LanesOf(KindOf(d)))),
         new DeviceDeclaration(silo.CpuDeviceName, DeviceKind.Cpu, GpuDevice.LanesOf(DeviceKind.Cpu))];

    private static IReadOnlyList<DeviceOptions> Effective(IReadOnlyList<DeviceOptions> configured) => configured.Count > 0
        ? configured
        : [new DeviceOptions { Name = DeviceOptions.DefaultPreviewName, Kind = "preview" }];

    private static DeviceKind KindOf(DeviceOptions device) =>
        string.Equals(device.Kind.Trim(), "comfyui", StringComparison.OrdinalIgnoreCase) ? DeviceKind.ComfyUi : DeviceKind.Preview;

    /// <summary>A CPU device: one CPU lane on <paramref name="backend"/>.</summary>
    public static DeviceSpec Cpu(string name, IDeviceBackend backend) =>
        new(new GpuDevice(name, DeviceKind.Cpu, GpuDevice.LanesOf(DeviceKind.Cpu)), new Dictionary<Lane, IDeviceBackend> { [Lane.Cpu] = backend });

    private DeviceSpec Build(DeviceOptions device)
    {
        var kind = KindOf(device);
        var isComfyUi = kind == DeviceKind.ComfyUi;
        var backends = new Dictionary<Lane, IDeviceBackend>
        {
            [Lane.Image] = isComfyUi ? comfyUi.Create(device, Lane.Image) : preview,
            [Lane.Video] = isComfyUi ? comfyUi.Create(device, Lane.Video) : preview,
        };
        return new DeviceSpec(new GpuDevice(device.Name, kind, backends.Keys.ToArray()), backends, device.MaxFrames);
    }
}
