namespace VideoGen.Silo.Devices;

/// <summary>The devices this silo declares to the cluster (published in its metadata).</summary>
public sealed class LocalDevices(IReadOnlyList<DeviceDeclaration> devices)
{
    public IReadOnlyList<DeviceDeclaration> Devices { get; } = devices;

    /// <summary>Whether this silo declares <paramref name="device"/>.</summary>
    public bool Declares(string device) => Devices.Any(d => d.Name == device);
}
