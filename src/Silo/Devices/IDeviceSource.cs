using VideoGen.Silo.Lanes;

namespace VideoGen.Silo.Devices;

/// <summary>Where a silo gets the devices it drives, each with the backend behind every lane.</summary>
public interface IDeviceSource
{
    /// <summary>Builds the devices; called once, when the silo starts its lanes.</summary>
    IReadOnlyList<DeviceSpec> Build();
}
